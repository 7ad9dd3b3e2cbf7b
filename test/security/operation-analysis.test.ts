import { Kind, parse } from 'graphql';
import { TestSystem } from '../support/system';

/** Issue 11, finding 1: no document, however its fragments nest, makes the door's analysis slow. */
describe('fragment expansion, aliases and directives at the door', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await TestSystem.start();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  /** Ten fragments, each using the next ten times: 10^10 selections once expanded, about 1.9 KB as text. */
  function tenLevels(body: (level: number) => string): string {
    const fragments = Array.from({ length: 10 }, (_, i) =>
      i === 9 ? `fragment F9 on Viewer { id }` : `fragment F${i} on Viewer { ${body(i)} }`,
    );
    return `query { me { ...F0 } }\n${fragments.join('\n')}`;
  }

  async function post(
    query: string,
  ): Promise<{ status: number; body: { errors?: { message: string; extensions?: { code?: string } }[] } }> {
    const response = await fetch(sys.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as never };
  }

  async function analysisSteps(): Promise<{ sum: number; count: number }> {
    const metric = await sys.system.gateway.metrics.analysisSteps.get();
    const value = (name: string) => metric.values.find((v) => v.metricName === name)?.value ?? 0;
    return {
      sum: value('reglament_gateway_operation_analysis_steps_sum'),
      count: value('reglament_gateway_operation_analysis_steps_count'),
    };
  }

  /** Selections written in the document (fields, spreads, inline fragments): the size the analysis is linear in. */
  function selectionsIn(query: string): number {
    let count = 0;
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const kind = (node as { kind?: string }).kind;
      if (kind === Kind.FIELD || kind === Kind.FRAGMENT_SPREAD || kind === Kind.INLINE_FRAGMENT) count++;
      for (const value of Object.values(node)) {
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === 'object' && 'kind' in value) visit(value);
      }
    };
    visit(parse(query));
    return count;
  }

  it("the probe's anonymous 1.9 KB document (ten levels of aliased spreads) is refused, typed, while /healthz answers", async () => {
    const attack = tenLevels((i) => Array.from({ length: 10 }, (_, k) => `a${k}: __typename ...F${i + 1}`).join(' '));
    expect(attack.length).toBeLessThan(2_500);
    // Several at once, and the health check among them: every one gets its answer.
    const [health, ...answers] = await Promise.all([
      fetch(sys.url.replace('/graphql', '/healthz')),
      ...Array.from({ length: 4 }, () => post(attack)),
    ]);
    expect(health!.status).toBe(200);
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      // F0..F8 each hold 10 aliases and 10 spreads of the next: 10 + 100 + ... + 10^9 aliases in all.
      expect(answer.body.errors?.[0]).toMatchObject({
        message: 'The operation has 1111111110 aliases; at most 200 are allowed',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('the same nesting without aliases is refused by its cost, and the analysis visits a number of selections linear in the document', async () => {
    const attack = tenLevels((i) => Array.from({ length: 10 }, () => `...F${i + 1}`).join(' '));
    const before = await analysisSteps();
    const [health, answer] = await Promise.all([fetch(sys.url.replace('/graphql', '/healthz')), post(attack)]);
    expect(health.status).toBe(200);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.message).toMatch(/estimated cost is at least \d+; at most 20000 is allowed/);
    const after = await analysisSteps();
    expect(after.count - before.count).toBe(1);
    // me 1 + ...F0 1 + 9 fragments x 10 spreads + F9's id 1 = 93 selections in the document. Each
    // fragment is walked at most once per subgraph it is entered from (4 subgraphs, or none known):
    // a bound of 5 x 93 = 465, where the expanded document has 10^9 selections.
    expect(selectionsIn(attack)).toBe(93);
    expect(after.sum - before.sum).toBeLessThanOrEqual(5 * 93);
  });

  it('directives past the cap are refused, counted through fragments', async () => {
    const spreads = Array.from({ length: 30 }, () => '...D').join(' ');
    const query = `query { me { ${spreads} } } fragment D on Viewer { id @include(if: true) role @skip(if: false) }`;
    const answer = await post(query);
    expect(answer.status).toBe(400);
    // 30 spreads x 2 directives = 60 > 50.
    expect(answer.body.errors?.[0]).toMatchObject({
      message: 'The operation has 60 directives; at most 50 are allowed',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
