import { startStack } from './stack';

export default async function globalSetup(): Promise<void> {
  (globalThis as { __stopE2EStack?: () => Promise<void> }).__stopE2EStack = await startStack();
}
