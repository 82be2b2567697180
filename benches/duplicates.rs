//! Likely duplicates among a library of MOTs (`model::duplicates`): the
//! median time of one full search, on one thread, for libraries written in
//! the four settings of the examples, in English and Chinese, one MOT in
//! twenty a rewording of another (as merged breakout sessions hold): one
//! varied as a room's sentences are, one from a few dozen stock phrases.
//!
//! `cargo bench --bench duplicates` runs 1,000, 10,000 and 50,000 MOTs of
//! each, and two worst cases at 1,000: one MOT pasted over and over, and
//! MOTs from one template that differ only in a number; `-- --quick`
//! leaves out 50,000.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use mot::model::duplicates::{self, likely_duplicates};
use mot::model::{Mot, MotText, Session};

/// How long each figure is measured for, at most (and at least 3 runs).
const BUDGET: Duration = Duration::from_secs(3);

const WHO_EN: &[&str] = &[
    "A guest arriving after a night flight",
    "A frequent flyer on her 50th trip",
    "A father travelling with a toddler",
    "A pensioner at the branch",
    "A small business owner",
    "A young couple buying their first flat",
    "A customer eating alone",
    "A university student on her birthday",
    "A family with two small children",
    "A consultant flying to a client meeting",
    "A nervous flyer",
    "A regular guest",
];
const WHERE_EN: &[&str] = &[
    "at check-in",
    "at the gate",
    "at the bank counter",
    "in the hotel lobby",
    "at the baggage desk",
    "while queueing for a table",
    "on the phone to the call centre",
    "at the self-service machine",
    "during boarding",
    "when the bill came",
];
const WHAT_EN: &[&str] = &[
    "the clerk greeted her by name and remembered her usual room",
    "nobody explained why the queue did not move for half an hour",
    "the agent rebooked the connection before she asked",
    "the waiter brought a high chair and a mild broth without being asked",
    "the teller walked him through the mobile app step by step",
    "the staff sang and brought longevity noodles and a small cake",
    "the screen showed the exact fee before anything was signed",
    "a technician came within ten minutes and breakfast was sent up",
    "the manager apologised and took the charge off the bill",
    "the crew made up the bed with a mattress pad and a second pillow",
    "the machine swallowed the card and a staff member returned it at once",
    "the greeter explained the offers of the day and the waiting time",
];
const FEEL_EN: &[&str] = &[
    "they know me",
    "felt forgotten",
    "honest people",
    "they had my back",
    "worth every penny",
    "I will not come back",
    "they think of everything",
    "a calm place",
];
const WHO_ZH: &[&str] = &[
    "周末带朋友来吃饭的年轻白领",
    "第一次来的情侣",
    "带孩子的妈妈",
    "来办业务的客户",
    "深夜到店的客人",
    "行李没到的旅客",
    "退休的老人",
    "商务舱旅客",
    "过生日的大学生",
    "常来的老顾客",
];
const WHERE_ZH: &[&str] = &[
    "在柜台",
    "在登机口",
    "在前台办理入住时",
    "排队等位时",
    "在行李查询柜台",
    "点菜时",
    "在自助机前",
    "结账时",
];
const WHAT_ZH: &[&str] = &[
    "等了半小时，只有一个窗口开着",
    "服务员主动推荐不辣的锅底，并拿来儿童餐椅",
    "工作人员已经知道行李在哪，当晚送到了酒店",
    "大堂经理过来一步一步教他操作",
    "乘务员送上热毛巾，很快铺好了床",
    "服务员记得她不吃香菜，锅底也按上次的来",
    "经理出来道歉并送了一张代金券",
    "迎宾员主动介绍当天的优惠和大概的等位时间",
    "柜员提醒她在手机上查看余额",
    "夜班经理保留了房间，还在桌上留了热饭",
];
const FEEL_ZH: &[&str] = &[
    "他们记得我",
    "很失望",
    "他们很实在",
    "被照顾到了",
    "细节做到家了",
    "觉得时间被浪费",
    "值得信任",
];

/// A seeded generator, so every run measures the same library.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

const ADJ_EN: &[&str] = &[
    "tired",
    "first-time",
    "regular",
    "elderly",
    "young",
    "nervous",
    "busy",
    "returning",
    "local",
    "foreign",
    "disabled",
    "pregnant",
];
const PERSON_EN: &[&str] = &[
    "guest",
    "passenger",
    "customer",
    "couple",
    "father",
    "mother",
    "student",
    "pensioner",
    "business traveller",
    "family",
    "diner",
    "account holder",
];
const WITH_EN: &[&str] = &[
    "",
    "",
    "",
    " with a toddler",
    " with two kids",
    " in a wheelchair",
    " with heavy bags",
    " with a guide dog",
    " on a tight budget",
    " late for a meeting",
];
const WHEN_EN: &[&str] = &[
    "On a rainy Monday morning",
    "Late on a Friday night",
    "Just after 7 pm",
    "During the lunch rush",
    "An hour before closing",
    "On her birthday",
    "After a delayed flight",
    "In the holiday rush",
    "On the first visit",
    "At the end of a long trip",
    "Right after landing",
    "While it was snowing",
    "On a quiet Sunday",
    "Before dawn",
    "During a power cut",
];
const PLACE_EN: &[&str] = &[
    "at gate B",
    "at table ",
    "at counter ",
    "in room ",
    "in row ",
    "at branch ",
    "at check-in desk ",
    "in lounge ",
    "at cash machine ",
    "at booth ",
];
const SUBJECT_EN: &[&str] = &[
    "the clerk",
    "the agent",
    "a waiter",
    "the manager",
    "the teller",
    "a cabin attendant",
    "the night porter",
    "a security guard",
    "the greeter",
    "the chef",
    "the purser",
    "an adviser",
    "the concierge",
    "a trainee",
];
const ACTION_EN: &[&str] = &[
    "remembered",
    "brought",
    "explained",
    "offered",
    "fixed",
    "forgot",
    "ignored",
    "recommended",
    "carried",
    "apologised for",
    "refunded",
    "upgraded",
    "double-charged",
    "lost",
    "wrapped up",
    "checked twice",
];
const OBJECT_EN: &[&str] = &[
    "her usual order",
    "the delay",
    "a free drink",
    "the broken lock",
    "the hidden fee",
    "his coat",
    "a quieter room",
    "the stroller",
    "the missing bag",
    "a birthday cake",
    "the cold soup",
    "the seat upgrade",
    "the wrong bill",
    "the loan papers",
    "a spare charger",
    "the allergy note",
    "the lost passport",
    "the late checkout",
];
const DETAIL_EN: &[&str] = &[
    "",
    " without being asked",
    " within five minutes",
    " twice",
    " in front of everyone",
    " with a smile",
    " before she asked",
    " after a long wait",
    " in perfect Mandarin",
    " and wrote it down",
    " but never came back",
    " and called later to check",
];
const FEELING_EN: &[&str] = &[
    "they know me",
    "felt forgotten",
    "honest people",
    "they had my back",
    "worth every penny",
    "I will not come back",
    "they think of everything",
    "a calm place",
    "treated like a number",
    "surprised in a good way",
    "they care",
    "embarrassed",
    "safe with them",
    "they wasted my time",
    "I'll tell my friends",
    "just another chain",
];
const PERSON_ZH: &[&str] = &[
    "顾客",
    "旅客",
    "客人",
    "老人",
    "学生",
    "情侣",
    "妈妈",
    "爸爸",
    "上班族",
    "老顾客",
    "外地游客",
    "小企业主",
];
const ADJ_ZH: &[&str] = &[
    "第一次来的",
    "赶时间的",
    "带孩子的",
    "过生日的",
    "坐轮椅的",
    "常来的",
    "深夜到店的",
    "行李没到的",
    "退休的",
    "周末来的",
    "怀孕的",
    "出差的",
];
const WHEN_ZH: &[&str] = &[
    "周一早上",
    "周五深夜",
    "午饭高峰",
    "快打烊时",
    "下大雨那天",
    "航班延误后",
    "刚落地时",
    "春节前",
    "停电的时候",
    "排了很久以后",
    "生日当天",
    "第一次来时",
];
const PLACE_ZH: &[&str] = &[
    "号桌",
    "号柜台",
    "号登机口",
    "号房间",
    "排座位",
    "号窗口",
    "号包间",
    "号自助机",
];
const SUBJECT_ZH: &[&str] = &[
    "服务员",
    "大堂经理",
    "乘务员",
    "柜员",
    "前台",
    "店长",
    "地勤",
    "保安",
    "厨师",
    "实习生",
    "客户经理",
    "礼宾员",
];
const ACTION_ZH: &[&str] = &[
    "主动送来",
    "耐心解释了",
    "忘记了",
    "记得",
    "帮忙拿来",
    "重新安排了",
    "多收了",
    "退还了",
    "免费升级了",
    "悄悄准备了",
    "弄丢了",
    "推荐了",
];
const OBJECT_ZH: &[&str] = &[
    "热毛巾",
    "儿童餐椅",
    "延误的原因",
    "手续费",
    "长寿面",
    "安静的房间",
    "丢失的行李",
    "不辣的锅底",
    "充电器",
    "过敏的备注",
    "发票",
    "靠窗的座位",
    "代金券",
    "雨伞",
];
const DETAIL_ZH: &[&str] = &[
    "",
    "",
    "，还笑着道歉",
    "，五分钟就办好",
    "，却没有人解释",
    "，当着大家的面",
    "，事后还打电话回访",
    "，写在了小本子上",
    "，等了很久才来",
];
const FEELING_ZH: &[&str] = &[
    "他们记得我",
    "很失望",
    "他们很实在",
    "被照顾到了",
    "细节做到家了",
    "觉得时间被浪费",
    "值得信任",
    "不会再来了",
    "想推荐给朋友",
    "有点尴尬",
    "很安心",
    "被当成数字",
];

/// `n` MOTs, half English and half Chinese, each put together from a
/// who, a moment, a place with its number, someone doing something to
/// something and a detail: as varied as a room's own sentences, sharing
/// words but rarely whole phrases. One in twenty rewords an earlier one.
fn varied(n: usize) -> Session {
    let mut dice = Dice(7);
    let mut s = Session::new("duplicates bench");
    let mut texts: Vec<MotText> = Vec::with_capacity(n);
    for i in 0..n {
        let text = if i > 0 && dice.below(20) == 0 {
            reworded(&texts[dice.below(texts.len())], &mut dice)
        } else if i % 2 == 0 {
            MotText {
                who: format!(
                    "A {} {}{}",
                    dice.pick(ADJ_EN),
                    dice.pick(PERSON_EN),
                    dice.pick(WITH_EN)
                ),
                situation: format!(
                    "{}, {}{}, {} {} {}{}",
                    dice.pick(WHEN_EN),
                    dice.pick(PLACE_EN),
                    1 + dice.below(40),
                    dice.pick(SUBJECT_EN),
                    dice.pick(ACTION_EN),
                    dice.pick(OBJECT_EN),
                    dice.pick(DETAIL_EN)
                ),
                feeling: dice.pick(FEELING_EN).into(),
            }
        } else {
            MotText {
                who: format!("{}{}", dice.pick(ADJ_ZH), dice.pick(PERSON_ZH)),
                situation: format!(
                    "{}在{}{}，{}{}{}{}",
                    dice.pick(WHEN_ZH),
                    1 + dice.below(40),
                    dice.pick(PLACE_ZH),
                    dice.pick(SUBJECT_ZH),
                    dice.pick(ACTION_ZH),
                    dice.pick(OBJECT_ZH),
                    dice.pick(DETAIL_ZH)
                ),
                feeling: dice.pick(FEELING_ZH).into(),
            }
        };
        texts.push(text.clone());
        s.add_mot(text);
    }
    s
}

/// An earlier MOT written again: shouted, with other punctuation, or a
/// word or a character added.
fn reworded(t: &MotText, dice: &mut Dice) -> MotText {
    let situation = match dice.below(4) {
        0 => format!("{}!", t.situation.to_uppercase()),
        1 => t.situation.replace("，", " ").replace(", ", "; "),
        2 => t
            .situation
            .replace(" the ", " the very ")
            .replace("服务员", "服务员们"),
        _ => format!("{}。", t.situation.replace("了", "")),
    };
    MotText {
        situation,
        ..t.clone()
    }
}

/// `n` MOTs written from a few dozen stock phrases (a who, a place, an
/// event, a feeling) and a time: far more alike than a room's sentences, so
/// that many pairs share long phrases. One in twenty rewords an earlier one.
fn stock(n: usize) -> Session {
    let mut dice = Dice(2024);
    let mut s = Session::new("duplicates bench");
    let mut texts: Vec<MotText> = Vec::with_capacity(n);
    for i in 0..n {
        let text = if i > 0 && dice.below(20) == 0 {
            reworded(&texts[dice.below(texts.len())], &mut dice)
        } else if i % 2 == 0 {
            MotText {
                who: dice.pick(WHO_EN).into(),
                situation: format!(
                    "{} on {} at {}:{:02}, {}",
                    dice.pick(WHERE_EN),
                    ["Monday", "Tuesday", "Friday", "Sunday"][dice.below(4)],
                    7 + dice.below(14),
                    dice.below(60),
                    dice.pick(WHAT_EN)
                ),
                feeling: dice.pick(FEEL_EN).into(),
            }
        } else {
            MotText {
                who: dice.pick(WHO_ZH).into(),
                situation: format!(
                    "{}号桌{}，{}",
                    1 + dice.below(80),
                    dice.pick(WHERE_ZH),
                    dice.pick(WHAT_ZH)
                ),
                feeling: dice.pick(FEEL_ZH).into(),
            }
        };
        texts.push(text.clone());
        s.add_mot(text);
    }
    s
}

/// The median of `f` over runs within [`BUDGET`], and its last result.
fn median<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut runs = Vec::new();
    let start = Instant::now();
    let mut last = f();
    while runs.len() < 3 || (start.elapsed() < BUDGET && runs.len() < 100) {
        let t = Instant::now();
        last = black_box(f());
        runs.push(t.elapsed());
    }
    runs.sort();
    (runs[runs.len() / 2], last)
}

fn report(what: &str, mots: &[Arc<Mot>]) {
    let (t, pairs) = median(|| likely_duplicates(mots.iter().map(|m| &**m), &[]));
    println!("{:>8} {what:<22} {t:>12.2?} {:>8}", mots.len(), pairs.len());
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let sizes: &[usize] = if quick {
        &[1_000, 10_000]
    } else {
        &[1_000, 10_000, 50_000]
    };
    println!(
        "threshold {}‰; median of one likely_duplicates over the library, one thread",
        duplicates::THRESHOLD
    );
    println!(
        "{:>8} {:<22} {:>12} {:>8}",
        "MOTs", "library", "median", "pairs"
    );
    for &n in sizes {
        report("varied, 5% reworded", &varied(n).mots);
    }
    for &n in sizes {
        report("stock phrases", &stock(n).mots);
    }
    // Worst cases: every pair a copy (the list stops at MAX_PAIRS), and
    // every pair alike but for a number (each is diffed, none kept).
    let mut copies = Session::new("copies");
    let mut template = Session::new("template");
    for i in 0..1_000 {
        copies.add_mot(MotText {
            who: "来办业务的客户".into(),
            situation: "在柜台排队等了半小时，只有一个窗口开着".into(),
            feeling: "觉得时间被浪费".into(),
        });
        template.add_mot(MotText {
            who: format!("guest {i}"),
            situation: format!("arriving at branch {i} after a delayed flight, late at night"),
            feeling: "they kept my room".into(),
        });
    }
    report("one MOT pasted", &copies.mots);
    report("one template", &template.mots);
}
