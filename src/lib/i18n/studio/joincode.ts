/** 支部加入码 (/studio/branch): the messages of the join-code page. */
export const joincodeMessages = {
	tab: '支部加入码',
	title: '支部加入码',
	intro:
		'党员注册时填写这个加入码，就会加入本支部。请只发给本支部的党员，不要公开张贴；如果加入码外泄，可以重置为新的加入码。',
	leadersOnly: '支部加入码由支部书记和组织管理员管理。要邀请别人加入支部，请向支部书记索取加入码。',
	noBranch: '你的账号还没有所属支部，暂时无法管理加入码。',
	branch: '支部',
	loading: '正在载入加入码…',
	codeOf: (branch: string) => `${branch}的加入码`,
	copy: '复制',
	copied: '已复制',
	copyFailed: '无法自动复制，请选中加入码手动复制。',
	reset: '重置加入码',
	confirmTitle: '确认重置加入码？',
	confirmText: (code: string) =>
		`重置后，旧加入码 ${code} 立即失效，再用它注册会被拒绝；已经加入的党员不受影响。重置后请把新的加入码发给还没有注册的党员。`,
	confirm: '确认重置',
	cancel: '取消',
	resetting: '正在重置…',
	done: '加入码已重置。旧加入码已失效，不能再用于注册。',
	offline: '当前离线，无法查看支部加入码。请联网后再打开本页。',
	offlineReset: '当前离线，加入码没有重置。请联网后再试。',
	failed: '暂时无法载入支部加入码，请稍后再试。',
	resetFailed: '重置没有成功，加入码没有改变。请稍后再试。',
	retry: '重试'
};
