/** SDK client settings for a local stand-in: its URL, the project's region and credentials nobody checks. */
export const localClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'ap-northeast-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
