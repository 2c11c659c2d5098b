import type { CommandName, Lang } from './arguments.ts';

/** Help follows `--lang`, else the locale (`LC_ALL`, `LANG`): Japanese for `ja*`, English otherwise. */
export const chooseLang = (option: Lang | undefined, env: NodeJS.ProcessEnv): Lang => {
  if (option) return option;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
};

const usage: Record<CommandName, string> = {
  start: 'follow-up start <file.json | ->',
  show: 'follow-up show <journeyId>',
  list: 'follow-up list [--status S] [--hr EMAIL] [--start-month YYYY-MM] [--q NAME] [--limit N] [--cursor C]',
  move: 'follow-up move <journeyId> (--start-date YYYY-MM-DD | --session <round>=<ISO datetime> ... | --location <round>=<place> ...)',
  cancel: 'follow-up cancel <journeyId> --reason <text>',
  left: 'follow-up left <journeyId> --on YYYY-MM-DD --reason voluntary|company|contract-end|other',
  erase: 'follow-up erase <journeyId> --yes',
  reissue: 'follow-up reissue <journeyId> <formId>',
};

const summary: Record<Lang, Record<CommandName, string>> = {
  en: {
    start: 'Start a journey from a JSON file (- reads standard input). POST /journeys',
    show: 'Show a journey: its rounds, forms and timeline. GET /journeys/{id}',
    list: 'List journeys, latest start date first; pass nextCursor as --cursor for the next page. GET /journeys',
    move: "Move the start date or a round's session, or set where a session takes place (--session and --location may repeat). PATCH /journeys/{id}",
    cancel: 'Cancel a journey: schedules stop, meetings ahead are withdrawn. POST /journeys/{id}/cancel',
    left: 'Record that the person left on their last day, for what kind of reason; the journey ends and reports count it in retention. POST /journeys/{id}/left',
    erase: "Erase a person's data on request. Cannot be undone: needs --yes. DELETE /journeys/{id}",
    reissue: 'Send an open form afresh with a new link. POST /journeys/{id}/forms/{formId}/reissue',
  },
  ja: {
    start: 'JSON ファイルからジャーニーを開始します（- で標準入力）。POST /journeys',
    show: 'ジャーニーの詳細（ラウンド、フォーム、タイムライン）を表示します。GET /journeys/{id}',
    list: 'ジャーニーを入社日の新しい順に一覧します。次のページは nextCursor を --cursor に渡します。GET /journeys',
    move: '入社日やラウンドの面談日時、面談の場所を変更します（--session と --location は複数可）。PATCH /journeys/{id}',
    cancel: 'ジャーニーを中止します。予定は止まり、今後の面談は取り消されます。POST /journeys/{id}/cancel',
    left: '退職を記録します（--on は退職日、--reason は自己都合 voluntary・会社都合 company・契約満了 contract-end・その他 other）。ジャーニーは終わり、レポートの定着率に数えます。POST /journeys/{id}/left',
    erase: '本人の求めによりデータを削除します。元に戻せないため --yes が必要です。DELETE /journeys/{id}',
    reissue: '未回答のフォームを新しいリンクで再送します。POST /journeys/{id}/forms/{formId}/reissue',
  },
};

const common: Record<Lang, string> = {
  en: `Options:
  --api <url>       the stack's API (else FOLLOW_UP_API, else http://127.0.0.1:3000, npm start's local API)
  --region <name>   signing region (else AWS_REGION, else the region in an execute-api URL)
  --json            compact JSON output instead of pretty-printed
  --lang en|ja      language of this help (else from LANG)
  -h, --help        this help

A deployed stack's requests are signed with SigV4 from the default AWS credential chain
(needs execute-api:Invoke); the local API is called unsigned.
Exit codes: 0 done, 1 the API refused (status and field errors printed) or could not be reached, 2 usage error.`,
  ja: `オプション:
  --api <url>       API の URL（なければ FOLLOW_UP_API、なければ npm start のローカル API http://127.0.0.1:3000）
  --region <name>   署名のリージョン（なければ AWS_REGION、なければ execute-api の URL から）
  --json            整形せずに 1 行の JSON で出力
  --lang en|ja      このヘルプの言語（なければ LANG から）
  -h, --help        このヘルプ

AWS 上のスタックへは、既定の認証情報チェーンの認証情報で SigV4 署名します（execute-api:Invoke が必要）。
ローカル API へは署名しません。
終了コード: 0 成功、1 API が受け付けなかった（ステータスと項目ごとのエラーを表示）または接続できない、2 使い方の誤り。`,
};

export const helpText = (lang: Lang, command?: CommandName): string => {
  const title = lang === 'ja' ? 'フォローアップ面談のコマンドライン' : 'Command line for follow-up journeys';
  const commands = command ? [command] : (Object.keys(usage) as CommandName[]);
  const lines = commands.map((name) => `  ${usage[name]}\n      ${summary[lang][name]}`);
  return `${title}\n\n${lines.join('\n')}\n\n${common[lang]}\n`;
};
