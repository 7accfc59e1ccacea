/**
 * Which language zhuanban speaks, and the one function that looks a message up. The language comes from
 * the config's `lang`, else the environment (LC_ALL, LC_MESSAGES, LANG: Chinese → zh-CN), else English.
 */
import { EN, type MessageKey, ZH_CN } from './messages.js';

export type { MessageKey };

/** The languages of the catalogue. */
export const LANGS = ['en', 'zh-CN'] as const;
/** One of the catalogue's languages. */
export type Lang = (typeof LANGS)[number];

/** The language the environment asks for: the first locale variable set decides (POSIX order). */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/** The config's language when it names one, else the environment's. */
export function resolveLang(configured: Lang | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  return configured ?? langFromEnv(env);
}

/** Fill `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A message in `lang`, English when the catalogue lacks it. */
export function translate(lang: Lang, key: MessageKey, values?: Record<string, string | number>): string {
  const template = (lang === 'zh-CN' ? ZH_CN[key] : undefined) ?? EN[key];
  return format(template, values);
}

/** Every message of one language, for the preview page (English fills any gap). */
export function catalogue(lang: Lang): Record<MessageKey, string> {
  return lang === 'zh-CN' ? { ...EN, ...ZH_CN } : { ...EN };
}
