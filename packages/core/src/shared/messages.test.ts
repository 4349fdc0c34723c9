import { describe, expect, it } from 'vitest';
import { isMessageKey, messages, pickLocale, translate } from './messages.js';

describe('bilingual messages', () => {
  it('translates a key into Chinese and English', () => {
    expect(translate('creditCode.checkDigit', 'zh-CN')).toBe('统一社会信用代码校验位错误');
    expect(translate('creditCode.checkDigit', 'en-US')).toBe('The credit code check character is wrong');
    expect(translate('auth.forbidden', 'zh-CN')).toBe('没有执行此操作的权限');
  });

  it('passes a plain text through unchanged', () => {
    expect(translate('文件第3行', 'en-US')).toBe('文件第3行');
    expect(translate('not.a.key', 'zh-CN')).toBe('not.a.key');
  });

  it('does not treat inherited object properties as keys', () => {
    expect(isMessageKey('toString')).toBe(false);
    expect(translate('constructor', 'zh-CN')).toBe('constructor');
  });

  it('has both languages, non-empty, for every key; Chinese text really is Chinese', () => {
    for (const [key, text] of Object.entries(messages)) {
      expect(text['zh-CN'].length, key).toBeGreaterThan(0);
      expect(text['en-US'].length, key).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(text['zh-CN']), key).toBe(true);
      expect(/[\u4e00-\u9fff]/.test(text['en-US']), key).toBe(false);
    }
  });

  it('picks Chinese unless the client clearly prefers English', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('')).toBe('zh-CN');
    expect(pickLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en-US');
    expect(pickLocale('en')).toBe('en-US');
    expect(pickLocale('EN-GB')).toBe('en-US');
    expect(pickLocale(' en-US ')).toBe('en-US');
    expect(pickLocale('fr-FR,en;q=0.5')).toBe('zh-CN');
    expect(pickLocale('*')).toBe('zh-CN');
  });
});
