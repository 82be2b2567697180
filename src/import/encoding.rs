//! Which encoding a file to import is in, and its text.
//!
//! The rule, in order:
//! 1. A byte-order mark says it: UTF-8, UTF-16 LE or UTF-16 BE.
//! 2. Without one, bytes that are valid UTF-8 are UTF-8.
//! 3. Otherwise (Excel's "CSV" on Chinese Windows) the bytes are read both as
//!    GB18030 (a superset of GBK) and as Big5. Each reading scores one point
//!    for every character it yields among a few hundred of the most common
//!    Chinese characters (written the same in both scripts, plus the common
//!    ones of its own script: 这/們…) and loses one for every sequence it
//!    cannot read. The higher score wins; GB18030 on a tie. A wrong reading
//!    turns text into rare characters, so real text scores far apart.

use std::sync::LazyLock;

use crate::tr;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian, with its byte-order mark (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian, with its byte-order mark.
    Utf16Be,
    /// GB18030, which includes GBK: Excel on Simplified-Chinese Windows.
    Gb18030,
    /// Big5: Excel on Traditional-Chinese Windows.
    Big5,
}

impl Encoding {
    /// Every encoding read, in the order the rule tries them.
    pub const ALL: [Encoding; 6] = [
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Utf8,
        Encoding::Gb18030,
        Encoding::Big5,
    ];

    /// Its name as the user knows it, in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => tr!("import.encoding.utf8"),
            Encoding::Utf8Bom => tr!("import.encoding.utf8_bom"),
            Encoding::Utf16Le => tr!("import.encoding.utf16le"),
            Encoding::Utf16Be => tr!("import.encoding.utf16be"),
            Encoding::Gb18030 => tr!("import.encoding.gb18030"),
            Encoding::Big5 => tr!("import.encoding.big5"),
        }
    }
}

/// Characters among the most frequent in Chinese text, written the same in
/// Simplified and Traditional, with a few of the workshop's own words.
const COMMON: &str = "的一是不了在人有我他大中上以要就出也你生能而子那得下自之年小家可去多心好看起\
成只如事把用第道想作美情己面最女但前些所同日手又行意方期它回位分因很名法知世什次使身者被高已其此\
正感明力理文定本公特做外相西果走月十向全信重三工物每真打太新比才便夫再部水像眼等加主界利海受表少\
先口由死安性光白或住望教命花色更拉神平友至放告入笑英候民何度山路男叫任金快原吃立四失格士目呢病始\
深完今提求清王化空思切非找片元喜曾科言流各即指合反必交林晚制球火布品近坐答星五司巴奇未且夜青北久\
乎落百令周吧步希留市半容首根式取照强石古拿您似足客南衣黑刻福城故包另建千史基志阿痛社算酒需治卡幸\
念怕共毛句息功官究跟穿室易程居考突皮哪倒具永商味般破引食存注甚某血校默土微娘料底列富座八除跑亮假\
印停初香致李够支春集木班普睡六波察群皇段急庭器否害草排背止州朝封板角曲忙河哥呼若推境遇雨姐充案冷\
索啊船依值慢佛肯沙局伯族低玩屋速旁堂兵七露牛哭旅街型烈姑莫抱律份右洋床舞秘午追例左牙托章智吉松善\
靠伊村戴森耳差短祖窗散迷油架恩投博府超醒洗毫嘴九冰既景席童派素按犯拍征骨承置巨免技翻束增忍判付批\
狗休懂武革良委妙探呀退桌宣套康供喊夏困罪亡健模伴守孤禁恐妹副坦江秋菜授浪凡奶雄升典含盛端招介服店\
咖啡餐房待航空牌暖细心耐";

/// Common characters written differently in the two scripts: Simplified.
const SIMPLIFIED: &str = "这们个国来时说为会过对发后里么经没开从无头两当着样种还现进实点业还问\
题员觉务户门车买卖让给该话谁认识听电钱东长见关边场热欢总乐机们别体处应间难将请决条";

/// The same characters in Traditional.
const TRADITIONAL: &str = "這們個國來時說為會過對發後裡麼經沒開從無頭兩當著樣種還現進實點業還問\
題員覺務戶門車買賣讓給該話誰認識聽電錢東長見關邊場熱歡總樂機們別體處應間難將請決條";

/// The encoding of `bytes` and their text, without any byte-order mark.
pub fn decode(bytes: &[u8]) -> (Encoding, String) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let encoding = if enc == encoding_rs::UTF_8 {
            Encoding::Utf8Bom
        } else if enc == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (encoding, text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Encoding::Utf8, text.to_string());
    }
    let (gb, _) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    let (big5, _) = encoding_rs::BIG5.decode_without_bom_handling(bytes);
    if score(&big5, &TRADITIONAL_SET) > score(&gb, &SIMPLIFIED_SET) {
        (Encoding::Big5, big5.into_owned())
    } else {
        (Encoding::Gb18030, gb.into_owned())
    }
}

/// The common characters of a script, sorted to be looked up quickly.
fn sorted(own: &str) -> Vec<char> {
    let mut set: Vec<char> = COMMON.chars().chain(own.chars()).collect();
    set.sort_unstable();
    set.dedup();
    set
}

static SIMPLIFIED_SET: LazyLock<Vec<char>> = LazyLock::new(|| sorted(SIMPLIFIED));
static TRADITIONAL_SET: LazyLock<Vec<char>> = LazyLock::new(|| sorted(TRADITIONAL));

/// Common characters of the reading (`common`, sorted) minus the sequences
/// it could not read.
fn score(text: &str, common: &[char]) -> i64 {
    let mut points = 0i64;
    for c in text.chars() {
        if c == char::REPLACEMENT_CHARACTER {
            points -= 1;
        } else if !c.is_ascii() && common.binary_search(&c).is_ok() {
            points += 1;
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(enc: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable, "{text} in {}", enc.name());
        bytes.into_owned()
    }

    #[test]
    fn a_byte_order_mark_decides() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFwho"),
            (Encoding::Utf8Bom, "who".into())
        );
        assert_eq!(decode(b"\xFF\xFEw\0"), (Encoding::Utf16Le, "w".into()));
        assert_eq!(decode(b"\xFE\xFF\0w"), (Encoding::Utf16Be, "w".into()));
        assert_eq!(decode("是谁".as_bytes()), (Encoding::Utf8, "是谁".into()));
    }

    #[test]
    fn short_chinese_texts_are_told_apart() {
        let simplified = [
            "老人,在机场排队很久,觉得没人管",
            "商务旅客 / 航班延误时 / 感觉被重视",
            "是谁,情况,感觉",
            "的",
        ];
        for text in simplified {
            let bytes = encoded(encoding_rs::GB18030, text);
            assert_eq!(decode(&bytes), (Encoding::Gb18030, text.into()), "{text}");
        }
        let traditional = [
            "老人,在機場排隊很久,覺得沒人管",
            "商務旅客 / 航班延誤時 / 感覺被重視",
            "是誰,情況,感覺",
            "這",
        ];
        for text in traditional {
            let bytes = encoded(encoding_rs::BIG5, text);
            assert_eq!(decode(&bytes), (Encoding::Big5, text.into()), "{text}");
        }
    }
}
