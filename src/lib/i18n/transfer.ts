/** 组织关系转接: the member's page (/me/transfer) and the new branch's (/studio/transfers);
 * loaded with those pages only. */
export const transferMessages = {
	title: '组织关系转接',
	intro:
		'工作调动或换到其他支部时，在这里申请转接组织关系：填写新支部的加入码（向新支部书记索取）。新支部书记同意后，你的学习记录、积分和成长档案随你转到新支部；原支部的报表仍保留你在原支部期间的记录。',
	form: {
		title: '申请转接',
		code: '新支部加入码',
		codePlaceholder: '例如 YANFA2026',
		note: '留言（选填）',
		notePlaceholder: '写给新支部书记，例如调动原因、入职时间',
		submit: '提交申请',
		sending: '正在提交…',
		codeNeeded: '请填写新支部的加入码。',
		noteTooLong: (max: number) => `留言最多 ${max} 字。`,
		sent: (to: string) => `已提交，等待${to}书记处理。`
	},
	needsNetwork: '提交和撤回转接申请需要联网。当前离线，联网后再试。',
	mine: '我的转接申请',
	empty: '还没有转接申请。',
	listOffline: '当前离线，联网后显示你的转接申请。',
	pendingOne: '你有一份待处理的申请，处理前不能再提交新的申请。',
	route: (from: string, to: string) => `${from} → ${to}`,
	status: {
		pending: '待新支部处理',
		accepted: '已转入',
		rejected: '未同意',
		cancelled: '已撤回'
	} as Record<string, string>,
	reason: (r: string) => `原因：${r}`,
	reply: (r: string) => `新支部留言：${r}`,
	submittedAt: (d: string) => `申请于 ${d}`,
	cancel: '撤回申请',
	cancelConfirm: '确定撤回这份转接申请吗？',
	cancelled: '已撤回申请。',
	moved: (to: string) => `你已转入${to}。`,
	loading: '正在载入…',
	signIn: '登录后才能申请转接组织关系。',
	failed: '暂时无法连接服务器，请稍后再试。',
	rateLimited: '尝试次数过多，请几分钟后再试。',
	studio: {
		tab: '转接审批',
		queue: '待处理的转入申请',
		queueHint:
			'同意后，申请人转入本支部，身份为党员；其以往的学习记录和积分随人转入，原支部报表保留其过去的记录。',
		queueEmpty: '没有待处理的转入申请。',
		item: (name: string, from: string) => `${name}（来自${from}）`,
		note: (n: string) => `留言：${n}`,
		accept: '同意转入',
		reject: '不同意',
		reasonLabel: '不同意的原因（申请人会看到）',
		reasonPlaceholder: '例如：请先与原支部联系',
		confirmReject: '确认不同意',
		cancel: '取消',
		reasonNeeded: '请写明不同意的原因。',
		accepted: (name: string) => `已同意 ${name} 转入本支部。`,
		rejected: (name: string) => `已回复 ${name}：不同意转入。`,
		decided: '最近处理的申请',
		outgoing: '本支部转出的申请',
		outgoingHint: '由转入支部处理。转出后，本支部的报表仍保留其在本支部期间的记录。',
		outgoingEmpty: '没有转出的申请。',
		outgoingItem: (name: string, to: string) => `${name} → ${to}`,
		leadersOnly: '只有支部书记或组织管理员可以处理转接申请。',
		offline: '当前离线：处理转接申请需要联网。',
		retry: '重试'
	}
} as const;
