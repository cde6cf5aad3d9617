import { crc32 } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, register, test, type Backend } from './server';

const PASSWORD = 'secretary-password-123';
let n = 0;

/** A secretary of the worker's branch, made by the superuser and signed in through the app. */
async function signInSecretary(page: Page, backend: Backend): Promise<void> {
	const branch = await backend.su
		.collection('branches')
		.getFirstListItem(backend.su.filter('join_code = {:code}', { code: backend.joinCode }));
	const email = `s${Date.now().toString(36)}${n++}@e2e.gongxue.test`;
	await backend.su.collection('users').create({
		email,
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name: '测试书记',
		branch: branch.id,
		role: 'secretary'
	});
	await page.goto(`${backend.url}/login`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('邮箱').fill(email);
	await page.getByLabel('密码').fill(PASSWORD);
	// The form may answer 服务器暂时无法处理 when it is sent before the app has opened its
	// client (right after hydration, on a busy machine): send it again as a person would.
	await expect(async () => {
		if (new URL(page.url()).pathname === '/me') return;
		await page.locator('form').getByRole('button', { name: '登录' }).click();
		await page.waitForURL('**/me', { timeout: 5_000 });
	}).toPass({ timeout: 30_000 });
}

async function openImport(page: Page, backend: Backend): Promise<void> {
	await page.goto(`${backend.url}/studio/import`);
	await page.locator('html[data-hydrated]').waitFor();
}

const counts = (page: Page) => page.getByTestId('import-counts');
const text = (page: Page) => page.getByLabel('题库文字');
const saveAlert = (page: Page) => page.getByRole('region', { name: '保存题库' }).getByRole('alert');
const question = (page: Page, n: number) =>
	page.getByRole('article', { name: `第${n}题`, exact: true });

/** Five questions, two of them wrong: 第2题 at line 8 (no option E), 第4题 at line 14. */
const BANK = [
	'一、单选题',
	'1. 党的根本组织原则是（ ）。',
	'A. 民主集中制',
	'B. 集体领导',
	'答案：A',
	'2. 党的最高理想是（ ）。',
	'A. 实现共产主义    B. 全面建成小康社会',
	'答案：E',
	'3. 预备党员的预备期为（ ）。',
	'A. 一年    B. 两年',
	'答案：A',
	'二、判断题',
	'4. 党员必须参加党的组织生活。',
	'答案：大概',
	'5. 党员应当按月交纳党费。',
	'答案：对',
	'解析：党章第八条。'
].join('\n');

test('a secretary pastes a bank, fixes one problem at its line, leaves a question out, and saves the rest', async ({
	page,
	backend
}) => {
	const name = `党章测验题库${n++}`;
	await signInSecretary(page, backend);
	await openImport(page, backend);
	await text(page).fill(BANK);

	await expect(counts(page)).toHaveText('解析出 3 题，2 处问题，已选 3 题');
	const problems = page.getByRole('region', { name: /问题/ });
	await expect(problems.getByRole('button')).toHaveText([
		'第 8 行：第2题：答案"E"不在选项 A–B 之中',
		/^第 14 行：第4题：判断题答案"大概"无法识别/
	]);
	for (const [n, stem] of [
		[1, '党的根本组织原则是（ ）。'],
		[3, '预备党员的预备期为（ ）。'],
		[5, '党员应当按月交纳党费。']
	] as const) {
		await expect(question(page, n)).toContainText(stem);
	}
	await expect(question(page, 1).locator('li.key')).toHaveText(/^A\. 民主集中制/);
	await expect(question(page, 5)).toContainText('答案：正确');
	await expect(question(page, 5)).toContainText('解析：党章第八条。');

	// 第 8 行 selects that line in the text; typing replaces it.
	await problems.getByRole('button', { name: /^第 8 行/ }).click();
	const selected = () =>
		text(page).evaluate((t: HTMLTextAreaElement) =>
			t.value.slice(t.selectionStart, t.selectionEnd)
		);
	await expect.poll(selected).toBe('答案：E');
	await page.keyboard.insertText('答案：B');
	await expect(counts(page)).toHaveText('解析出 4 题，1 处问题，已选 4 题');
	await expect(question(page, 2).locator('li.key')).toHaveText(/^B\. 全面建成小康社会/);

	await problems.getByRole('button', { name: /^第 14 行/ }).click();
	await expect.poll(selected).toBe('答案：大概');

	await question(page, 3).getByRole('checkbox', { name: '不要这题' }).check();
	await expect(counts(page)).toHaveText('解析出 4 题，1 处问题，已选 3 题');

	// A reload keeps the draft: the text, the question left out and the name.
	await page.getByLabel('题库名称').fill(name);
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(counts(page)).toHaveText('解析出 4 题，1 处问题，已选 3 题');
	await expect(question(page, 3).getByRole('checkbox', { name: '不要这题' })).toBeChecked();
	await expect(page.getByLabel('题库名称')).toHaveValue(name);
	await expect(text(page)).toHaveValue(BANK.replace('答案：E', '答案：B'));

	// Nothing goes to the server before the secretary confirms what will be saved.
	await page.getByRole('button', { name: '保存题库' }).click();
	await expect(page.getByText(`将把 3 道题保存为题库"${name}"。`)).toBeVisible();
	await expect(
		page.getByText('1 处问题所在的题目不会保存；勾选了"不要这题"的 1 道题不会保存。')
	).toBeVisible();
	expect(
		await backend.su
			.collection('banks')
			.getFullList({ filter: backend.su.filter('name = {:name}', { name }) })
	).toHaveLength(0);
	await page.getByRole('button', { name: '确认保存' }).click();
	await expect(page.getByText(`已保存题库"${name}"，共 3 题。`)).toBeVisible();
	await expect(text(page)).toHaveValue('');

	const [bank, ...more] = await backend.su
		.collection('banks')
		.getFullList({ filter: backend.su.filter('name = {:name}', { name }) });
	expect(more).toHaveLength(0);
	expect(bank?.count).toBe(3);
	const saved = bank?.questions as { stem: string; type: string }[];
	expect(saved.map((q) => [q.type, q.stem])).toEqual([
		['single', '党的根本组织原则是（ ）。'],
		['single', '党的最高理想是（ ）。'],
		['truefalse', '党员应当按月交纳党费。']
	]);
});

test('a member is told that only secretaries import banks', async ({ page, backend }) => {
	await register(page, backend);
	await openImport(page, backend);
	await expect(page.getByText('只有支部书记和组织管理员可以导入题库。')).toBeVisible();
	await expect(text(page)).toHaveCount(0);
});

test('offline or refused, the save says why and keeps the text', async ({
	page,
	context,
	backend
}) => {
	await signInSecretary(page, backend);
	await openImport(page, backend);
	const bank = BANK.replace('答案：E', '答案：B').replace('答案：大概', '答案：错');
	await text(page).fill(bank);
	const name = `离线题库${n++}`;
	await page.getByLabel('题库名称').fill(name);
	await expect(counts(page)).toHaveText('解析出 5 题，0 处问题，已选 5 题');

	await context.setOffline(true);
	await page.getByRole('button', { name: '保存题库' }).click();
	await page.getByRole('button', { name: '确认保存' }).click();
	await expect(saveAlert(page)).toHaveText(/^网络未连接，题库没有保存。文字仍保留在本页/);
	await expect(text(page)).toHaveValue(bank);
	await context.setOffline(false);

	const refusal = '题库有 1 处问题：第 5 行：第1题：缺少答案（写一行"答案：B"）';
	await page.route('**/api/collections/banks/records*', (route) =>
		route.fulfill({ status: 400, json: { status: 400, message: refusal, data: {} } })
	);
	await page.getByRole('button', { name: '保存题库' }).click();
	await page.getByRole('button', { name: '确认保存' }).click();
	await expect(saveAlert(page)).toHaveText(`服务器没有保存题库：${refusal}`);
	await expect(text(page)).toHaveValue(bank);
	await page.unroute('**/api/collections/banks/records*');

	await page.getByRole('button', { name: '保存题库' }).click();
	await page.getByRole('button', { name: '确认保存' }).click();
	await expect(page.getByText(`已保存题库"${name}"，共 5 题。`)).toBeVisible();
	const saved = await backend.su
		.collection('banks')
		.getFullList({ filter: backend.su.filter('name = {:name}', { name }) });
	expect(saved.map((b) => b.count)).toEqual([5]);
});

/** Bytes of `text` in GB18030 (ASCII and the two-byte GBK range cover the test's text). */
function gb18030(text: string): Buffer {
	const decoder = new TextDecoder('gb18030');
	const table = new Map<string, number[]>();
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			const ch = decoder.decode(new Uint8Array([lead, trail]));
			if (!table.has(ch)) table.set(ch, [lead, trail]);
		}
	}
	return Buffer.from(
		[...text].flatMap((ch) => {
			if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
			const bytes = table.get(ch);
			if (bytes === undefined) throw new Error(`not in GBK: ${ch}`);
			return bytes;
		})
	);
}

/** A zip of stored (uncompressed) files: enough for a .docx that mammoth reads. */
function zip(files: Record<string, string>): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of Object.entries(files)) {
		const nameBytes = Buffer.from(name, 'utf8');
		const data = Buffer.from(content, 'utf8');
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(0x21, 12); // 1980-01-01
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(0x21, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		centrals.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Object.keys(files).length, 8);
	end.writeUInt16LE(Object.keys(files).length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

/** A Word document with one paragraph per line of `text`. */
function docx(text: string): Buffer {
	const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	const paragraphs = text
		.split('\n')
		.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`)
		.join('');
	return zip({
		'[Content_Types].xml':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
		'_rels/.rels':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
		'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`
	});
}

test('a GB18030 .txt and a .docx are read into the text; the text they replace can come back', async ({
	page,
	backend
}) => {
	await signInSecretary(page, backend);
	await openImport(page, backend);
	const file = page.getByLabel('选择文件');

	const gbk = BANK.replace('答案：E', '答案：B');
	await file.setInputFiles({ name: '题库.txt', mimeType: 'text/plain', buffer: gb18030(gbk) });
	await expect(text(page)).toHaveValue(gbk);
	await expect(counts(page)).toHaveText('解析出 4 题，1 处问题，已选 4 题');

	const word = BANK.replace('答案：大概', '答案：错');
	await file.setInputFiles({
		name: '题库.docx',
		mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		buffer: docx(word)
	});
	await expect(text(page)).toHaveValue(`${word}\n`);
	await expect(counts(page)).toHaveText('解析出 4 题，1 处问题，已选 4 题');
	await expect(page.getByText('已用文件"题库.docx"的内容替换了原来的文字。')).toBeVisible();
	await page.getByRole('button', { name: '撤销' }).click();
	await expect(text(page)).toHaveValue(gbk);

	await file.setInputFiles({ name: '题库.doc', mimeType: 'application/msword', buffer: docx('') });
	await expect(
		page.getByRole('alert').filter({ hasText: /^不支持旧版 Word（\.doc）文件/ })
	).toBeVisible();
	await expect(text(page)).toHaveValue(gbk);
});
