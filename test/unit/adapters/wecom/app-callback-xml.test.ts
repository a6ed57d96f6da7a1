import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  appEnvelopeSchema,
  appMessageSchema,
  parseXml,
} from '../../../../adapters/wecom/callback/app-callback.schema.js';
import { CallbackRejected } from '../../../../adapters/wecom/callback/callback-envelope.js';

const anyTree = z.record(z.string(), z.unknown());
const text = (content: string) =>
  `<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[ZhengYi]]></FromUserName><CreateTime>1763860000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>${content}</Content><MsgId>9223372036854775807</MsgId><AgentID>1000002</AgentID></xml>`;

function refusal(xml: string): CallbackRejected | null {
  try {
    parseXml(xml, anyTree);
    return null;
  } catch (err) {
    if (err instanceof CallbackRejected) return err;
    throw err;
  }
}

describe('parseXml (WeCom app callback XML)', () => {
  it('reads the envelope and keeps every value a string, 64-bit MsgId exact', () => {
    const envelope = parseXml(
      '<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[abc+/=]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>',
      appEnvelopeSchema,
    ).xml;
    expect(envelope).toEqual({ ToUserName: 'ww1', Encrypt: 'abc+/=', AgentID: '1000002' });
    expect(parseXml(text('<![CDATA[/帮助]]>'), appMessageSchema).xml.MsgId).toBe(
      '9223372036854775807',
    );
  });

  it.each([
    ['CDATA kept verbatim', '<![CDATA[a <b> &amp; c]]>', 'a <b> &amp; c'],
    ['entities in text decoded', 'x &lt;y&gt; &amp; z', 'x <y> & z'],
    ['text trimmed', '  /进度 3  ', '/进度 3'],
    ['empty element', '', ''],
    ['control characters dropped', '<![CDATA[a\u0001b\u001Fc\u0000]]>', 'abc'],
    ['tab and newline kept', '<![CDATA[a\tb\nc]]>', 'a\tb\nc'],
  ])('%s', (_name, content, expected) => {
    expect(parseXml(text(content), appMessageSchema).xml.Content).toBe(expected);
  });

  it('turns nested and repeated elements into objects and arrays', () => {
    const tree = parseXml(
      '<xml><Pics><Item><Md5>a</Md5></Item><Item><Md5>b</Md5></Item><Item><Md5>c</Md5></Item></Pics></xml>',
      anyTree,
    );
    expect(tree).toEqual({ xml: { Pics: { Item: [{ Md5: 'a' }, { Md5: 'b' }, { Md5: 'c' }] } } });
  });

  it('keeps an element named __proto__ as a plain key, not a prototype', () => {
    const tree = parseXml('<xml><__proto__><polluted>yes</polluted></__proto__></xml>', anyTree);
    const xml = tree.xml as Record<string, unknown>;
    expect(Object.getPrototypeOf(xml)).toBe(Object.prototype);
    expect(Object.hasOwn(xml, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['unclosed element', '<xml><ToUserName>ww1</xml>'],
    ['two roots', '<xml></xml><xml></xml>'],
    ['not XML', '{"msgtype":"text"}'],
    ['empty', ''],
    ['undefined entity', '<xml><A>&bogus;</A></xml>'],
    ['deep nesting', `${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}`],
  ])('refuses %s with a 400', (_name, xml) => {
    expect(refusal(xml)).toMatchObject({ status: 400, reason: 'malformed XML' });
  });

  it('does not expand entities declared in a DOCTYPE', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><A>&b;</A></xml>`;
    expect(refusal(bomb)).toMatchObject({ status: 400 });
  });

  it('refuses a well-formed tree of the wrong shape with its own reason', () => {
    expect(() => parseXml('<xml><ToUserName>ww1</ToUserName></xml>', appEnvelopeSchema)).toThrow(
      expect.objectContaining({ status: 400, reason: 'unexpected XML' }),
    );
  });
});
