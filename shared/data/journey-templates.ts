import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documents, tableName, wasWritten } from '#shared/data/table.ts';
import {
  type JourneyTemplate,
  sameTemplateBody,
  TEMPLATES_PARTITION_KEY,
  templateBody,
} from '#shared/domain/journey-template.ts';
import type { JourneyTemplateBody } from '#shared/domain/journey-template-schema.ts';

const templateKey = (name: string) => ({ pk: TEMPLATES_PARTITION_KEY, sk: `TEMPLATE#${name}` });

const templateOfItem = (item: Record<string, unknown>): JourneyTemplate => {
  const { pk: _pk, sk: _sk, type: _type, ...template } = item;
  return template as unknown as JourneyTemplate;
};

/** The newest version HR saved of a template, or none. */
export const getTemplate = async (name: string): Promise<JourneyTemplate | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: templateKey(name), ConsistentRead: true }),
  );
  return result.Item ? templateOfItem(result.Item) : undefined;
};

/** Every saved template, by name. */
export const listTemplates = async (): Promise<JourneyTemplate[]> => {
  const templates: JourneyTemplate[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': TEMPLATES_PARTITION_KEY, ':prefix': 'TEMPLATE#' },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    templates.push(...(page.Items ?? []).map(templateOfItem));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return templates;
};

/**
 * Saves a template as its next version; the same body again changes nothing (a retried PUT). The write holds
 * only if the version it replaces is still the newest, so two changes at once never share a number: the loser
 * reads again and comes after.
 */
export const saveTemplate = async (
  name: string,
  body: JourneyTemplateBody,
  at: Date,
): Promise<JourneyTemplate> => {
  for (;;) {
    const current = await getTemplate(name);
    if (current && sameTemplateBody(current, body)) return current;
    const saved: JourneyTemplate = {
      name,
      version: (current?.version ?? 0) + 1,
      updatedAt: at.toISOString(),
      ...templateBody(body),
    };
    const written = await wasWritten(
      documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...templateKey(name), type: 'template', ...saved },
          ConditionExpression: current ? 'version = :previous' : 'attribute_not_exists(pk)',
          ...(current ? { ExpressionAttributeValues: { ':previous': current.version } } : {}),
        }),
      ),
    );
    if (written) return saved;
  }
};
