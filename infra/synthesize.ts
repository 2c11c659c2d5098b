import { rmSync } from 'node:fs';
import { createJourneysApp } from '#infra/journeys-app.ts';

/**
 * The stack's CloudFormation template, synthesized in this process exactly as `cdk synth` builds it, but
 * without bundling the functions (the local runtime runs their sources) and without the checks (the infra tests
 * run them). The local runtime takes the state machines, routes and table from here.
 */
export const synthesizeJourneysTemplate = (): Record<string, unknown> => {
  const { app, stack } = createJourneysApp({ context: { 'aws:cdk:bundling-stacks': [] }, validate: false });
  const assembly = app.synth();
  const template = assembly.getStackArtifact(stack.artifactId).template as Record<string, unknown>;
  rmSync(assembly.directory, { recursive: true, force: true });
  return template;
};
