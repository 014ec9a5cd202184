// The commands: one line each. A new command is its folder plus its line here.
export { command as validate } from './validate/command.js';
export { command as fix } from './fix/command.js';
export { command as compute } from './compute/command.js';
export { command as render } from './render/command.js';
export { command as preview } from './preview/command.js';
export { command as summary } from './summary/command.js';
export { command as baseline } from './baseline/command.js';
export { command as init } from './init/command.js';
export { command as import } from './import/command.js';
export { command as schema } from './schema/command.js';
export { command as forms } from './forms/command.js';
export { command as rules } from './rules/command.js';
export { command as doctor } from './doctor/command.js';
