/**
 * For each syllable of the Chinese command names (tones left out), the common characters a
 * pinyin keyboard offers for it: picking the wrong one (`/人物` for `/任务`) is the usual typo
 * in Chinese, and an edit distance cannot see it, since no character is the same.
 */
const HOMOPHONES: Readonly<Record<string, string>> = {
  ren: '人任认仁忍刃韧妊纫壬仞',
  wu: '务物无五午舞武误悟屋吴乌污雾勿伍侮捂巫梧',
  xin: '新心信辛欣芯锌馨薪昕',
  jian: '建见件间简健剑坚减检键监渐践尖肩兼荐箭舰鉴拣捡茧剪碱贱溅涧柬俭',
  liu: '流六留刘柳溜硫瘤琉榴浏',
  cheng: '程成城承称乘诚呈撑橙惩逞澄秤',
  ji: '纪级记机及计技急集积基极几即际继击挤鸡迹寄疾籍吉激脊辑季剂祭忌肌饥姬',
  yao: '要药摇腰遥咬邀耀妖谣窑尧钥',
  jin: '进近金今尽仅紧劲禁锦津筋晋浸巾谨',
  du: '度都读独毒赌堵杜肚渡镀督妒',
  wo: '我握卧窝沃蜗',
  de: '的得德',
  shou: '收手受首守授售寿瘦兽',
  dao: '到道倒导刀岛盗稻蹈悼',
  wan: '完万晚玩碗湾弯丸挽顽宛婉',
  tong: '同通统痛童铜桶筒彤瞳',
  yi: '意一已以亿义艺议易衣医依移遗疑宜仪椅异益溢翼谊毅忆抑役译逸',
  bo: '驳波博播伯薄泊拨柏勃搏膊玻钵',
  hui: '回会汇惠挥灰辉绘恢毁悔慧贿晖徽讳卉',
  cui: '催崔翠脆粹淬摧',
  ban: '办半班板版搬般伴扮拌斑颁',
  zhuan: '转专砖赚撰篆',
  jiao: '交教较角叫脚焦骄胶郊浇椒娇搅缴饺狡',
  tui: '退推腿褪',
  jia: '加家价假架甲佳夹嘉驾嫁贾',
  qian: '签前千钱浅欠牵铅迁谦潜遣歉嵌',
  chao: '抄超朝潮吵炒巢钞嘲',
  song: '送松宋颂诵耸',
  gua: '挂瓜刮寡褂',
  qi: '起期其七气汽器奇骑旗企启齐妻弃漆泣棋欺戚祈岂',
  fu: '复服福父府负富副付夫扶浮符幅腐肤妇赴附覆赋辅抚俯伏',
  yan: '延严言眼研烟验演颜沿盐燕宴艳岩炎掩厌焰',
  sheng: '升生声省胜盛剩圣绳牲甥',
  che: '撤车彻扯澈',
  xiao: '销小笑效校消晓孝削箫萧硝肖',
  zhou: '周州洲粥舟皱骤轴宙昼咒',
  bao: '报包保宝抱暴饱薄爆堡豹胞',
  zhai: '摘宅窄债寨斋',
  bang: '帮棒邦榜绑',
  zhu: '助住主注祝朱著猪珠竹逐烛驻柱筑铸嘱',
  she: '设社射舌蛇舍涉摄赦奢',
  zhi: '置只指之知值直支制止志智治至质纸职植致织执枝脂址芝稚',
  ping: '评平瓶凭屏萍苹坪',
  fen: '分份粉奋愤纷坟粪焚芬氛',
};

/** Each character's syllables (a few, such as 薄, have two). */
const SYLLABLES_OF = new Map<string, Set<string>>();
for (const [syllable, chars] of Object.entries(HOMOPHONES)) {
  for (const char of chars) {
    const known = SYLLABLES_OF.get(char) ?? new Set<string>();
    known.add(syllable);
    SYLLABLES_OF.set(char, known);
  }
}

/** Whether two characters are read alike (tones left out): `人` and `任`, `物` and `务`. */
export const soundsAlike = (a: string, b: string): boolean =>
  a === b || [...(SYLLABLES_OF.get(a) ?? [])].some((s) => SYLLABLES_OF.get(b)?.has(s));

/** Whether `typed` starts with the characters of `name`, read aloud (`人物修` and `任务`). */
export function startsLike(typed: string, name: string): boolean {
  const chars = [...typed];
  const wanted = [...name];
  return (
    wanted.length <= chars.length && wanted.every((char, i) => soundsAlike(chars[i] ?? '', char))
  );
}
