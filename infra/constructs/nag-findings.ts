import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The id cdk-nag gives the finding "wildcard in resource" (AwsSolutions-IAM5) for `resource`, flattened the
 * way cdk-nag prints it (`Resource::<SomeFunction1234ABCD.Arn>:*`): an acknowledgement names exactly one
 * finding, so each wildcard stays visible and explained.
 */
export const wildcardResourceFinding = (scope: IConstruct, resource: string): string =>
  `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(resource))}]`;

const flatten = (node: unknown): string => {
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const intrinsic = node as Record<string, unknown>;
    const join = intrinsic['Fn::Join'];
    if (Array.isArray(join) && Array.isArray(join[1])) return join[1].map(flatten).join(String(join[0]));
    const getAtt = intrinsic['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `<${flatten(getAtt[0])}.${flatten(getAtt[1])}>`;
    if ('Ref' in intrinsic) return `<${flatten(intrinsic.Ref)}>`;
  }
  return JSON.stringify(node);
};
