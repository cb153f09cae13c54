import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Provider deliveries already accepted, so a provider retry is accepted once. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async wasAccepted(channelAccountId: string, deliveryId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      'SELECT 1 FROM webhook_deliveries WHERE channel_account_id = $1 AND delivery_id = $2',
      [channelAccountId, deliveryId],
    );
    return rows.length > 0;
  }

  /** Recorded after the bus acknowledged, so a failed publish is retried by the provider. */
  async recordAccepted(channelAccountId: string, deliveryId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO webhook_deliveries (channel_account_id, delivery_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [channelAccountId, deliveryId],
    );
  }
}
