export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __stopE2EStack?: () => Promise<void> }).__stopE2EStack?.();
}
