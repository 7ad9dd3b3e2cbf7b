/**
 * Waits for an asynchronous effect by polling `probe` until it stops throwing (or returns a
 * truthy value), instead of sleeping a fixed time. Fails with the probe's last error.
 */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  options: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<Exclude<T, null | undefined | false>> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let lastError: unknown = new Error('probe returned a falsy value');
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false)
        return value as Exclude<T, null | undefined | false>;
      lastError = new Error(`probe returned ${String(value)}`);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      if (options.message && lastError instanceof Error) lastError.message = `${options.message}: ${lastError.message}`;
      throw lastError;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
