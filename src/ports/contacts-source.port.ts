import type { DirectorySnapshot, SyncPlatform } from '../domain/directory/directory.types.js';

/** A platform's contacts (通讯录), read whole: a sync applies all of it or nothing. */
export interface ContactsSource {
  readonly platform: SyncPlatform;
  /** Every department and member the app may see; rejects when any page fails. */
  fetchSnapshot(): Promise<DirectorySnapshot>;
}
