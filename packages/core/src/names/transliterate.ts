/** Transliteration of Arabic-script (Arabic, Persian, Urdu, Pashto), Cyrillic, Greek, Hangul and common Han name characters to lower-case Latin. */

const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ؤ: 'u',
  ئ: 'i',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  ى: 'a',
  ـ: '',
  // Persian, Urdu, Pashto letters
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y',
  ے: 'e',
  ۍ: 'ay',
  ې: 'e',
  ټ: 't',
  ډ: 'd',
  ړ: 'r',
  ښ: 'sh',
  ږ: 'zh',
  ځ: 'z',
  څ: 'ts',
  ڼ: 'n',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ھ: 'h',
  ہ: 'h',
  ۃ: 'a',
  ۀ: 'h',
  ە: 'a',
  ڤ: 'v',
  ڨ: 'g',
  ګ: 'g',
  ڭ: 'g',
  ۇ: 'u',
  ۆ: 'o',
  ێ: 'e',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
  '۰': '0',
  '۱': '1',
  '۲': '2',
  '۳': '3',
  '۴': '4',
  '۵': '5',
  '۶': '6',
  '۷': '7',
  '۸': '8',
  '۹': '9',
  '،': ',',
  '؛': ';',
};
// Waw and ya are consonants at the start of a word or next to a vowel letter, long vowels elsewhere.
const WAW = new Set(['و']);
const YA = new Set(['ي', 'ی', 'ې', 'ى']);

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  ђ: 'dj',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  қ: 'q',
  ғ: 'gh',
  ү: 'u',
  ұ: 'u',
  ң: 'ng',
  ө: 'o',
  һ: 'h',
  ә: 'a',
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
};

const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};
const GREEK_DIGRAPHS: readonly (readonly [RegExp, string])[] = [
  [/ου/g, 'ou'],
  [/αι/g, 'ai'],
  [/ει/g, 'ei'],
  [/οι/g, 'oi'],
  [/αυ/g, 'av'],
  [/ευ/g, 'ev'],
  [/(^|\s)μπ/g, '$1b'],
  [/(^|\s)ντ/g, '$1d'],
  [/γγ/g, 'ng'],
  [/γκ/g, 'g'],
];

// Revised Romanization of Korean: initial, medial and final jamo of a precomposed syllable.
const HANGUL_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const HANGUL_MEDIAL = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
const HANGUL_FINAL = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

// Pinyin of the Han characters most frequent in names (surnames first). Each becomes its own token,
// so a split "Xi Jin Ping" and a joined "Xi Jinping" align through the scorer's join rule.
const HAN =
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su 魏wei 吕lu 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 闫yan 段duan 雷lei 侯hou 龙long 史shi 陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan 覃qin 武wu 戴dai 莫mo 孔kong 向xiang 汤tang 习xi 近jin 平ping 泽ze 东dong 小xiao 明ming 伟wei 华hua 建jian 国guo 军jun 勇yong 强qiang 军jun 文wen 辉hui 力li 永yong 志zhi 新xin 海hai 峰feng 成cheng 春chun 红hong 玉yu 英ying 秀xiu 兰lan 芳fang 丽li 敏min 静jing 娟juan 燕yan 霞xia 杰jie 涛tao 超chao 鹏peng 宁ning 庆qing 德de 山shan 安an 生sheng 福fu 荣rong 光guang 民min 宏hong 家jia 振zhen 清qing 飞fei 云yun 龙long 天tian 波bo 亮liang 江jiang 正zheng 中zhong 和he 长chang 金jin 恩en 日ri 哲zhe 成cheng 洪hong 英ying 淑shu 慧hui 俊jun 斌bin 彬bin 鑫xin 磊lei 洋yang 浩hao 宇yu 博bo 晨chen 阳yang 凯kai 健jian 刚gang 毅yi 锋feng 鸿hong 胜sheng 祥xiang 贵gui 富fu 林lin 松song 柏bai 梅mei 桂gui 凤feng 珍zhen 萍ping 琳lin 婷ting 雪xue 丹dan 晓xiao 慶qing 張zhang 劉liu 陳chen 楊yang 黃huang 趙zhao 吳wu 孫sun 馬ma 鄭zheng 謝xie 許xu 韓han 馮feng 鄧deng 蔣jiang 葉ye 蘇su 呂lu 盧lu 鍾zhong 譚tan 陸lu 賈jia 鄒zou 龔gong 錢qian 嚴yan 國guo 軍jun 東dong 華hua 偉wei 輝hui 誌zhi 紅hong 蘭lan 麗li 靜jing 傑jie 濤tao 鵬peng 寧ning 榮rong 飛fei 雲yun 龍long 長chang 劍jian 剛gang 鋒feng 勝sheng 貴gui 鳳feng 曉xiao 康kang 杰jie 利li 克ke 瑞rui 翔xiang 虎hu 彪biao 忠zhong 义yi 仁ren 礼li 智zhi 信xin 孝xiao 廉lian 耀yao 宝bao 贤xian 旭xu 昊hao 晖hui 昌chang 盛sheng 隆long 兴xing 发fa 财cai 友you 桥qiao 树shu 森sen 根gen 土tu 铁tie 钢gang 银yin 铭ming 锦jin 秋qiu 冬dong 雨yu 露lu 霖lin 月yue 星xing 晶jing 玲ling 莉li 娜na 妮ni 琪qi 倩qian 颖ying 佳jia 欣xin 怡yi 悦yue 思si 雅ya 梦meng 诗shi 涵han 萱xuan 子zi 一yi 二er 三san 大da 少shao 世shi 元yuan 洁jie 彤tong 辰chen 恒heng 骏jun 鹤he 朝chao 鲜xian 贸mao 易yi 会hui 社she 司si 公gong 限xian 有you 船chuan 务wu 运yun 航hang 技ji 术shu 联lian 合he 械xie 机ji 港gang 香xiang 际ji 毅yi 锡xi 来lai 鹏peng 岐qi 荣rong 伯bo 宪xian 培pei 坤kun 邦bang 涛tao 彭peng 庞pang 乔qiao 齐qi 温wen 葛ge 段duan 汉han 阎yan 侯hou 武wu 郝hao 闵min 柳liu 黎li 梅mei 韩han 薄bo 熙xi 源yuan 锦jin';
const HAN_MAP: ReadonlyMap<string, string> = new Map(HAN.split(' ').map((entry) => [entry.slice(0, 1), entry.slice(1)] as const));

function isArabicLetter(c: string | undefined): boolean {
  return c !== undefined && c >= '\u0600' && c <= '\u06ff' && (ARABIC[c] !== undefined || WAW.has(c) || YA.has(c));
}

function transliterateArabicWord(word: string): string {
  let out = '';
  // The definite article is its own particle: "الرحمن" → "al rahman", so it aligns with "al-Rahman" and "Rahman".
  let w = word;
  if (w === 'الله') return 'allah';
  if (w.length > 3 && (w.startsWith('ال') || w.startsWith('ٱل'))) {
    out = 'al ';
    w = w.slice(2);
  }
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    const prev = w[i - 1];
    const next = w[i + 1];
    if (WAW.has(c)) {
      const consonant = i === 0 || next === 'ا' || (prev === 'ا' && next !== undefined);
      out += consonant ? 'w' : 'u';
    } else if (YA.has(c)) {
      const consonant = i === 0 || next === 'ا' || next === 'و' || (prev === 'ا' && next !== undefined);
      out += consonant ? 'y' : i === w.length - 1 && c === 'ى' ? 'a' : 'i';
    } else if (c >= '\u064b' && c <= '\u065f') {
      // harakat: short vowel marks are rarely written; dropping them keeps both spellings comparable
    } else if (c === '\u0670') out += 'a';
    else if (c === 'ع' && i === 0)
      out += 'a'; // word-initial ain is written "A" in Latin: Abd, Ali, Omar
    else if (c === '\u200c' || c === '\u200d') out += '';
    else if ((c === 'ه' || c === 'ہ' || c === 'ە') && (next === '\u200c' || next === '\u200d'))
      out += 'e'; // Persian final he before a joiner is a vowel (Khamene'i)
    else out += ARABIC[c] ?? c;
  }
  return out;
}

// A syllable of one vowel letter would read as an initial; as names write them: 이 Yi (Lee), 오 Oh, 우 Woo, 아 Ah, 에 Eh.
const HANGUL_LONE_VOWEL: Record<string, string> = { i: 'yi', o: 'oh', u: 'woo', a: 'ah', e: 'eh' };

function hangul(code: number): string {
  const s = code - 0xac00;
  const i = Math.floor(s / 588);
  const m = Math.floor((s % 588) / 28);
  const f = s % 28;
  const out = `${HANGUL_INITIAL[i] ?? ''}${HANGUL_MEDIAL[m] ?? ''}${HANGUL_FINAL[f] ?? ''}`;
  return HANGUL_LONE_VOWEL[out] ?? out;
}

/** True for letters whose script writes short vowels rarely (Arabic, Persian, Urdu, Pashto, Hebrew). */
export function isAbjad(text: string): boolean {
  return /[\u0590-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u.test(text);
}

/**
 * Transliterates every non-Latin letter it knows to lower-case Latin; Latin text passes through
 * (lower-cased). Input should be NFKC-normalised first (that folds Arabic presentation forms).
 * Hangul syllables and Han characters each become a separate word.
 * @example transliterate('محمد') // 'mhmd'
 */
export function transliterate(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: nothing outside Latin-1.
  if (!/[^\u0000-\u024f]/.test(lower)) return lower;
  let out = '';
  let i = 0;
  let greek = lower;
  if (/[\u0370-\u03ff]/.test(lower)) {
    greek = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    for (const [re, rep] of GREEK_DIGRAPHS) greek = greek.replace(re, rep);
  }
  const s = greek;
  while (i < s.length) {
    const c = s[i] as string;
    const code = c.charCodeAt(0);
    if (isArabicLetter(c)) {
      let j = i;
      while (j < s.length && (((s[j] as string) >= '\u0600' && (s[j] as string) <= '\u06ff') || s[j] === '\u200c')) j++;
      out += transliterateArabicWord(s.slice(i, j));
      i = j;
      continue;
    }
    if (code >= 0xac00 && code <= 0xd7a3) {
      out += ` ${hangul(code)} `;
    } else if (code >= 0x0400 && code <= 0x04ff) {
      out += CYRILLIC[c] ?? c;
    } else if (code >= 0x0370 && code <= 0x03ff) {
      out += GREEK[c] ?? c;
    } else if (code >= 0x4e00 && code <= 0x9fff) {
      out += ` ${HAN_MAP.get(c) ?? c} `;
    } else out += c;
    i++;
  }
  return out;
}
