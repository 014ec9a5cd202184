// Formats for ajv-cli in the benchmark (`-c`): the same checks bosoreport's schema uses.
const addFormats = require('ajv-formats');
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isDate(v) {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
module.exports = (ajv) => {
  addFormats(ajv, ['email', 'uri']);
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('dato-eller-maaned', { type: 'string', validate: (v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v) || isDate(v) });
  return ajv;
};
