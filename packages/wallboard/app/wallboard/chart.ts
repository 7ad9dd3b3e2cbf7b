import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ContractDay } from './queries';

// Only the parts a bar chart needs (the bundle stays small).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Today's compliance per contract: clocks met and breached, stacked, one bar per contract. */
export class ComplianceChart {
  private readonly chart: Chart<'bar'>;

  constructor(canvas: HTMLCanvasElement) {
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: 'y',
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: '#cbd5e1' } },
          y: { stacked: true, ticks: { color: '#cbd5e1' } },
        },
        plugins: { legend: { labels: { color: '#cbd5e1' } } },
      },
    });
  }

  show(contracts: ContractDay[]): void {
    this.chart.data.labels = contracts.map((c) => {
      const share = c.slaToday.metShare;
      return `${c.number} ${share === null ? '—' : `${Math.round(share * 100)}%`}`;
    });
    this.chart.data.datasets = [
      { label: 'met', data: contracts.map((c) => c.slaToday.met), backgroundColor: '#22c55e' },
      { label: 'breached', data: contracts.map((c) => c.slaToday.breached), backgroundColor: '#ef4444' },
    ];
    this.chart.update();
  }

  destroy(): void {
    this.chart.destroy();
  }
}
