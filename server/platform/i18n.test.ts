import { describe, expect, it } from 'vitest';
import { fieldLabel, namingField, registerTexts, ruleText, translate } from './i18n.ts';
import { fieldErrorsFromIssues } from './validation.ts';

describe('the text registry', () => {
  it('fills placeholders, with registered labels and per-language values', () => {
    registerTexts('test-a', { messages: { test_hello: { zh: '你好，{who}', en: 'Hello, {who}' } }, labels: { test_thing: { zh: '物件', en: 'thing' } } });
    expect(translate('test_hello' as never, 'zh', { who: 'test_thing' })).toBe('你好，物件');
    expect(translate('not_found', 'en', { entity: 'test_thing' })).toBe('This thing does not exist or is outside your scope');
    expect(ruleText('file_type_mismatch', { kinds: { zh: 'PDF、JPG', en: 'pdf, jpg' } })).toEqual({
      zh: '只接受 PDF、JPG 文件，且文件内容须与扩展名相符',
      en: 'Only pdf, jpg files whose content matches their extension',
    });
  });

  it('accepts the same text twice but refuses another text for a code a module already owns', () => {
    const texts = { messages: { test_twice: { zh: '一', en: 'one' } } };
    registerTexts('test-b', texts);
    expect(() => registerTexts('test-b', texts)).not.toThrow();
    expect(() => registerTexts('test-c', { messages: { test_twice: { zh: '二', en: 'two' } } })).toThrow(/already registered by test-b/);
    expect(() => registerTexts('test-c', { fields: { orgId: { zh: '组织', en: 'Org' } } })).toThrow(/already registered by platform/);
  });

  it('names nested fields by their last segment, and an unknown one by itself', () => {
    expect(fieldLabel('items.0.orgId', 'zh')).toBe('所属组织');
    expect(fieldLabel('unheardOf', 'en')).toBe('unheardOf');
  });

  it('names a field once: before a message that does not name it, never before one that already does', () => {
    expect(namingField(['手机号'], '不能为空', 'zh')).toBe('手机号：不能为空');
    expect(namingField(['所属企业统一社会信用代码', '统一社会信用代码'], '统一社会信用代码格式或校验位不正确', 'zh')).toBe('统一社会信用代码格式或校验位不正确');
    expect(namingField(['Unified social credit code'], 'Not a valid unified social credit code', 'en')).toBe('Not a valid unified social credit code');
    expect(namingField(['Phone'], 'must not be empty', 'en')).toBe('Phone: must not be empty');
  });

  it('does not repeat the field’s name before a request field’s rule that names it (统一社会信用代码：统一社会信用代码…)', () => {
    registerTexts('test-d', { fields: { testCode: { zh: '统一社会信用代码', en: 'Unified social credit code' } } });
    const issue = { code: 'custom', path: ['testCode'], message: 'uscc_checksum' };
    expect(fieldErrorsFromIssues([issue], {}, 'zh')[0].message).toBe('统一社会信用代码格式或校验位不正确');
    expect(fieldErrorsFromIssues([issue], {}, 'en')[0].message).toBe('Not a valid unified social credit code (format or check character)');
    expect(fieldErrorsFromIssues([{ code: 'custom', path: ['testCode'], message: 'not_blank' }], {}, 'zh')[0].message).toBe('统一社会信用代码：不能为空');
  });

  it('refuses to translate a code no module registered, naming the module list', () => {
    expect(() => translate('test_never' as never, 'zh')).toThrow(/server\/modules\/index.ts/);
  });
});
