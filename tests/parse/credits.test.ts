/**
 * Bylines and photo credits by form (other papers' pages): the shapes a byline takes in any
 * Chinese paper, and lines that must not be read as one.
 */
import { describe, expect, it } from 'vitest';
import { captionOf, matchCredit, parseByline, unpadBylineNames } from '../../src/parse/credits.js';

const read = (line: string) => parseByline(unpadBylineNames(line)?.text ?? line);

describe('bylines', () => {
  it.each([
    ['本报记者 李 明 通讯员 赵 红', ['李明', '赵红'], '本报记者 通讯员'],
    ['新华社记者 王刚', ['王刚'], '新华社记者'],
    ['经济日报记者 杨洋 实习生 孙悦', ['杨洋', '孙悦'], '经济日报记者 实习生'],
    ['记者李明', ['李明'], '记者'],
    ['文/李明 图/王刚', ['李明'], '文/'],
    ['■本报记者 李明', ['李明'], '■ 本报记者'],
    ['□ 本报记者 张 三', ['张三'], '□ 本报记者'],
    ['（本报记者 李明）', ['李明'], '本报记者'],
    ['刘 洋', ['刘洋'], null],
    ['马太超 郭开星', ['马太超', '郭开星'], null],
  ])('%s', (line, authors, note) => {
    expect(read(line)).toMatchObject({ authors, extra: note });
  });

  it('keeps a credit at the end, with its role, and never reads a caption’s last words as a name', () => {
    expect(matchCredit('新华社记者 王刚 摄')).toBe('新华社记者 王刚 摄');
    expect(matchCredit('城东实验小学的学生在上科学课 王刚 摄')).toBe('王刚 摄');
    expect(read('李明 图片由某某医院提供')).toMatchObject({ authors: ['李明'], photoCredit: '图片由某某医院提供' });
  });

  it('refuses prose, a role alone, and a bracketed aside', () => {
    for (const line of [
      '本报记者',
      '记者近日从市教育局获悉',
      '（下转第4版）',
      '（以下简称医保局）',
      '社 会 保 障 是 民 生',
    ])
      expect(read(line), line).toBeNull();
  });
});

describe('bylines behind a bullet', () => {
  it('reads the names behind ◎ as behind ■', () => {
    expect(parseByline('◎ 本报记者 李明 通讯员 张三')?.authors).toEqual(['李明', '张三']);
    expect(parseByline('■本报记者 李明')?.authors).toEqual(['李明']);
  });
});

describe('captions', () => {
  it('knows a caption by its opening or by a per-photo credit after words that are not a name', () => {
    expect(captionOf(['图为城东实验小学的学生在上科学课。', '新华社记者 王刚 摄'])).toBe(
      '图为城东实验小学的学生在上科学课。新华社记者 王刚 摄',
    );
    expect(captionOf(['▲城南镇的农民在查看小麦长势。'])).not.toBeNull();
    expect(captionOf(['城东实验小学的学生在上科学课 王刚 摄'])).not.toBeNull();
    expect(captionOf(['本报记者 王刚 摄'])).toBeNull();
    expect(captionOf(['医院门诊大楼一角'])).toBeNull();
  });
});
