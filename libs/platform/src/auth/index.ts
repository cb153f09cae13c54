import type { Provider } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyRepository } from './api-key.repository';

export * from './api-key.guard';
export * from './api-key.repository';
export * from './tenant-id.decorator';
export * from './tenant-request';

/**
 * What a module lists in `providers` to use `@UseGuards(ApiKeyGuard)`: the guard and its
 * repository, which reads the `DataSource` that `PlatformModule` (global) provides.
 */
export const apiKeyAuthProviders: Provider[] = [ApiKeyRepository, ApiKeyGuard];
