import { bilingualText } from '#shared/console/bilingual.ts';

/**
 * The API's field messages are English (HR's systems read them); the console shows them in Japanese first, then as they are.
 * Messages are matched by their start, as some end with a value (`no later than 2027-06-01`); one not listed
 * shows in English, never not at all.
 */
const japanese: [string, string][] = [
  ['required', '入力してください'],
  ['Invalid input', '入力を確認してください'],
  ['must be an email address', 'メールアドレスを入力してください'],
  ['must be a date like', '日付を入力してください（例：2027-04-01）'],
  ['must be a date-time with offset', '日時を入力してください'],
  ['must be an IANA time zone', 'タイムゾーンを選んでください（例：Asia/Tokyo）'],
  ['must be in the future', '今より後の日時を入力してください'],
  ['must be within six months of today', '今日から6か月以内の日付にしてください'],
  ['at most 100 characters', '100文字以内で入力してください'],
  ['at most 200 characters', '200文字以内で入力してください'],
  ['at most 64 characters', '64文字以内で入力してください'],
  ['letters, digits, dot, dash and underscore only', '半角英数字・ドット・ハイフン・下線のみ使えます'],
  ['at most 10 interviewers', '面接官は10人までです'],
  ['is too far in the past', '入社日が過去すぎて、どの面談も準備期間（面談の数営業日前から）を取れません'],
  ['must leave room for a', '勤務時間内に面談の時間が取れる時刻にしてください'],
  ['must be a time like', '時刻を入力してください（例：15:00）'],
  ['never in round 1', '第1回は三者面談にできません'],
  ['unknown template', 'そのテンプレートはありません'],
  ['set by the template', 'テンプレートが面談の予定を決めます。空欄にしてください'],
  [
    'must be MM-DD, MM-DD..MM-DD or YYYY-MM-DD',
    'MM-DD、MM-DD..MM-DD、YYYY-MM-DD のいずれかで入力してください',
  ],
  ['must be before workingHours.to', '始業は終業より前にしてください'],
  ['at most 400 entries', '400件までです'],
  ['must be a month like', '月を入力してください（例：2027-04）'],
  ['must be one of', '一覧から選んでください'],
  ['is not a cursor this list gave out', 'このページの続きが見つかりません。最初のページからご覧ください'],
  ['must not be empty', '入力してください'],
  ['give either from and to, or startMonth', '期間か入社月のどちらか一方を入力してください'],
  ['required, with', '期間の始まりと終わりを両方入力してください'],
  ['must not be before from', '終わりは始まりより後の日付にしてください'],
  ['the period is at most', '期間は12か月までです'],
  ['must be the HR contact’s email address', '人事担当者のメールアドレスを入力してください'],
  ['must be one line', '1行で入力してください'],
  ['a video link must be an https:// URL', 'ビデオ会議のURLは https:// で始まるものにしてください'],
  ['no such round', 'その回の面談はありません'],
  ['this session has already taken place', 'この面談はすでに終わっています'],
  ['must not be before the start date', '入社日より前の日付にはできません'],
  ['must be within 1 year from today', '今日から1年以内の日付にしてください'],
  ['a different departure was recorded', 'このジャーニーには別の退職がすでに記録されています'],
  ['the journey has ended without a hire', 'このジャーニーは入社前に終わっているため、退職を記録できません'],
];

export const fieldMessage = (message: string): string => {
  const ja = japanese.find(([english]) => message.startsWith(english))?.[1];
  return ja ? bilingualText(ja, message) : message;
};
