/// <reference path="../pb_data/types.d.ts" />

// GET /api/gongxue/report[?branch=id]: the branch at a glance for its secretary or the
// organisation's admin; without a branch, an admin sees every branch side by side. No auth
// middleware: the handler answers guests and members itself, in Chinese.
routerAdd('GET', '/api/gongxue/report', (e) => require(`${__hooks}/lib/report.js`).report(e));
