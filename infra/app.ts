import { createJourneysApp } from '#infra/journeys-app.ts';

// Run by `cdk` (cdk.json): the CLI sets CDK_OUTDIR, and the app synthesizes itself when the process exits.
createJourneysApp();
