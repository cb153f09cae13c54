import { KafkaBus } from '@switchboard/bus';
import { busContract } from '../../libs/bus/src/testing/bus-contract';
import { TEST_KAFKA_BROKERS } from '../support/infrastructure';

busContract('Kafka (real broker)', {
  createBus: async (partitions) =>
    new KafkaBus({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'bus-contract',
      partitions,
      replicationFactor: 1,
      sessionTimeoutMs: 6_000,
      maxWaitTimeMs: 100,
    }),
});
