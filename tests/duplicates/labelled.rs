//! The hand-labelled pairs: MOTs written as the example sessions write
//! them (airline, hotel, bank, hotpot restaurant), each "who | situation |
//! feeling", that must or must not be found as likely duplicates.

/// The same moment written twice: reworded slightly, punctuation, width or
/// case, a word added or dropped, 半小时 / 半个小时.
pub const EN_SAME: &[(&str, &str)] = &[
    (
        "Guest | waits 20 minutes at check-in | annoyed",
        "guest | waited 20 min at check in! | annoyed",
    ),
    (
        "A guest arriving after a night flight | waits 20 minutes at check-in while one clerk serves a tour group | felt forgotten",
        "guest arriving after a night flight | waited 20 min at check in while one clerk served a tour group! | felt forgotten",
    ),
    (
        "A FREQUENT FLYER ON HER 50TH TRIP | THE PURSER GREETED HER BY NAME AT THE DOOR | I MATTER HERE",
        "A frequent flyer on her 50th trip | the purser greeted her by name at the door. | I matter here!",
    ),
    (
        "A guest with a broken shower | called the desk at 7 am; a technician came in 10 minutes | they own their mistakes",
        "A guest with a broken shower | called the desk at ７ am；a technician came in １０ minutes | they own their mistakes",
    ),
    (
        "A father travelling with a toddler | boarding at the gate, the agent called families first | they noticed us",
        "A father travelling with a toddler | boarding at the gate, the agent kindly called families first | they noticed us",
    ),
    (
        "A nervous flyer | during heavy turbulence the captain explained what was happening and when it would end | I can trust them",
        "A nervous flyer | during turbulence the captain explained what was happening and when it would end | I can trust them",
    ),
    (
        "A customer at the bank counter | the teller didn't look up from her screen for five minutes | I don't count here",
        "A customer at the bank counter | the teller did not look up from her screen for five minutes | I do not count here",
    ),
    (
        "A family with two small children | at check-in the clerk hands the kids a colouring book | they think of everything",
        "A family with two small children | at check-in the clerk handed the kids colouring books | they think of everything",
    ),
    (
        "A guest checking out in a hurry | the express check-out sent the invoice by email before the taxi arrived | smooth to the end",
        "A guest checking out in a hurry | the express checkout sent the invoice by e-mail before the taxi arrived | smooth to the end",
    ),
    (
        "A traveller whose bag did not arrive | at the baggage desk the agent already knew where the bag was and had it delivered to the hotel | they fix things fast",
        "A traveller whose bag did not arrive | at the baggage desk the agent allready knew where the bag was and had it delivred to the hotel | they fix things fast",
    ),
    (
        "The regular guest | on her tenth stay the clerk gave her the same corner room without asking | they know me",
        "A regular guest | on her tenth stay, a clerk gave her the same corner room without asking | they know me",
    ),
    (
        "A commuter at the bank | queued 45 minutes to deposit a cheque because only two counters were open | my time is worth nothing to them",
        "A commuter at the bank | queued 45 mins to deposit a cheque because only two counters were open | my time is worth nothing to them",
    ),
    (
        "A young office worker bringing friends at the weekend | queued over an hour and the staff brought snacks, drinks and a free manicure | even waiting was a treat",
        "young office worker bringing friends at the weekend | queued for over an hour; staff brought snacks, drinks and a free manicure | even the waiting was a treat",
    ),
    (
        "A mother with a child | ordering, the waiter saw the child and suggested a mild broth and brought a high chair | they thought of us",
        "A mother with a small child | when ordering the waiter saw the child, suggested a mild broth and brought a high chair | they thought of us",
    ),
    (
        "A pensioner at the branch | the teller walked her through the mobile app step by step | patient people",
        "A pensioner at the branch | the teller walked her through the mobile app, step by step, twice | patient people",
    ),
    (
        "A consultant flying to a client meeting | the flight was delayed three hours; the gate agent rebooked her connection before she reached the desk | they had my back",
        "A consultant flying to a client meeting | the flight was delayed three hours; the gate agent had rebooked her connection before she reached the desk | they had my back!",
    ),
    (
        "A guest arriving after midnight | the night manager had kept the room and left a warm meal on the desk | they were waiting for me",
        "Guest arriving after midnight | night manager kept the room and left a warm meal on the desk | They were waiting for me.",
    ),
    (
        "A small business owner | applied for a loan and the adviser called back within an hour | they take me seriously",
        "A small-business owner | applied for a loan, and the adviser called back within the hour | they take me seriously",
    ),
    (
        "A tired passenger after a night flight | at arrival the lounge had a shower free within five minutes | worth every mile",
        "a tired passenger after a night flight | at arrival, the lounge had a shower free within just five minutes | worth every mile",
    ),
    (
        "A customer eating alone | the waiter put a big teddy bear in the seat opposite him | not lonely at all",
        "A customer eating alone | the waiter put a big teddy bear in the seat opposite | not lonely at all",
    ),
    (
        "A business traveller | walking past on the street she saw the quiet lobby with a free coffee bar through the glass front | a calm place to work",
        "A business traveler | walking past on the street, she saw the quiet lobby with a free coffee bar through the glass front. | A calm place to work",
    ),
    (
        "A tourist at the airport branch | the ATM swallowed his card and a staff member returned it in two minutes | they've got my back",
        "Tourist at the airport branch | The ATM swallowed his card and a staff member returned it in two minutes. | They've got my back!",
    ),
    (
        "A university student on her birthday | the staff found out and sang with her, bringing longevity noodles and a small cake | I have to post this",
        "A university student on her birthday | the staff found out and sang with her, bringing longevity noodles and a small birthday cake | I have to post this",
    ),
    (
        "A first-time business class buyer | comparing fares online the seat map showed a real photo of the flat bed | no surprises with them",
        "First time business-class buyer | comparing fares online, the seat-map showed a real photo of the flat bed | no surprises with them",
    ),
];

/// Near misses: the same who in another situation, the same situation
/// with the opposite feeling, the same sentence with another key noun, or
/// the same start going on to another outcome.
pub const EN_DIFFERENT: &[(&str, &str)] = &[
    (
        "A guest arriving after a night flight | waits 20 minutes at check-in while one clerk serves a tour group | felt forgotten",
        "A guest arriving after a night flight | waits 20 minutes at check-out while one clerk serves a tour group | felt forgotten",
    ),
    (
        "A frequent flyer on her 50th trip | the purser greeted her by name at the door | I matter here",
        "A frequent flyer on her 50th trip | the purser greeted her by name at the door | I am just a number here",
    ),
    (
        "A customer at the bank counter | the teller looked up from her screen at once | I count here",
        "A customer at the bank counter | the teller did not look up from her screen at once | I count here",
    ),
    (
        "A guest with a broken shower | called the desk at 7 am; a technician came in 10 minutes | they own their mistakes",
        "A guest with a broken shower | called the desk at 7 am; a technician came in 90 minutes | they own their mistakes",
    ),
    (
        "A father travelling with a toddler | boarding at the gate, the agent called families first | they noticed us",
        "A father travelling with a toddler | at the baggage carousel, a crew member carried the stroller to the taxi | they noticed us",
    ),
    (
        "A traveller whose bag did not arrive | at the baggage desk the agent already knew where the bag was | they fix things fast",
        "A traveller whose bag did not arrive | at the transfer desk the agent already knew where the bag was | they fix things fast",
    ),
    (
        "A family with two small children | at check-in the clerk moved the family to a quieter floor | they think of everything",
        "A family with two small children | at check-in the clerk moved the family to a higher floor | they think of everything",
    ),
    (
        "A small business owner | applied for a loan and the adviser called back within an hour | they take me seriously",
        "A small business owner | applied for a mortgage and the adviser called back within an hour | they take me seriously",
    ),
    (
        "A regular customer | as soon as she sat down the waiter remembered she does not eat coriander | they remember me",
        "A regular customer | as soon as she sat down the waiter remembered she does not eat tripe | they remember me",
    ),
    (
        "A couple on their first visit | hesitating at the door, the greeter explained the day's offers and the waiting time | honest people",
        "A couple on their first visit | hesitating at the door, the greeter explained the day's offers and the waiting time | pushy people",
    ),
    (
        "A pensioner at the branch | the teller walked her through the mobile app step by step | the staff were helpful",
        "A pensioner at the branch | the teller walked her through the mobile app step by step | the staff were unhelpful",
    ),
    (
        "A nervous flyer | during heavy turbulence the captain explained what was happening | I can trust them",
        "A nervous flyer | during heavy turbulence the captain explained what was happening | I can't trust them",
    ),
    (
        "A guest arriving after midnight | the night manager had kept the room | they were waiting for me",
        "A guest arriving after midnight | the night manager had kept the room but it still smelled of smoke from the last guest | they were waiting for me",
    ),
    (
        "A guest arriving after a night flight | waits 20 minutes at check-in | felt forgotten",
        "A guest arriving after a night flight | waits 20 minutes at the gate | felt forgotten",
    ),
    (
        "A customer who lost her card abroad | the branch blocked the card in one call | they solve it now",
        "A customer who lost her card abroad | the branch blocked the account in one call | they solve it now",
    ),
    (
        "A consultant flying to a client meeting | the flight was delayed three hours and the gate agent rebooked her | they had my back",
        "A consultant flying to a client meeting | the flight was delayed thirty minutes and the gate agent rebooked her | they had my back",
    ),
    (
        "A guest comparing hotels online | the booking page showed the real room photos and the exact price with taxes | honest people",
        "A guest comparing hotels online | the booking page showed the real room photos but not the price with taxes | honest people",
    ),
    (
        "A customer wearing glasses | as soon as the pot boiled the waiter handed her a cloth for her glasses | they thought of the details",
        "A customer wearing glasses | as soon as the pot boiled the waiter handed her an apron | they thought of the details",
    ),
    (
        "A passenger with a tight connection | the gate agent walked her to the next gate | they had my back",
        "A passenger with a tight connection | the gate agent pointed her to the next gate | they had my back",
    ),
    (
        "A young couple buying their first flat | the adviser explained every fee before they signed | no surprises",
        "A young couple buying their first flat | the adviser explained every fee after they signed | no surprises",
    ),
    (
        "A guest on her tenth stay | the clerk gave her the same corner room without asking | they know me",
        "A guest on her tenth stay | the clerk gave her a different room without asking | they forgot me",
    ),
    (
        "A young office worker bringing friends at the weekend | queued over an hour | even waiting was a treat",
        "A young office worker bringing friends at the weekend | queued over an hour while the staff brought snacks, drinks and a free manicure | even waiting was a treat",
    ),
    (
        "A business traveller | the hotel shuttle was waiting at arrivals | they were ready for me",
        "A business traveller | the hotel shuttle was waiting at departures | they were ready for me",
    ),
];

pub const HANS_SAME: &[(&str, &str)] = &[
    (
        "客户 | 在柜台排队等了半小时 | 很烦",
        "客户 | 在柜台排队等了半个小时 | 很烦",
    ),
    (
        "来办业务的客户 | 在柜台排队等了半小时，只有一个窗口开着 | 觉得自己的时间不值钱",
        "来办业务的客户 | 在柜台排队等了半个小时，只有一个窗口开着 | 觉得自己的时间不值钱",
    ),
    (
        "带孩子的妈妈 | 点菜时服务员看到孩子，主动推荐不辣的锅底，并拿来儿童餐椅和围兜 | 他们替我想到了",
        "带孩子的妈妈 | 点菜时服务员看到孩子 主动推荐不辣的锅底 并拿来儿童餐椅和围兜！ | 他们替我想到了。",
    ),
    (
        "商务舱旅客 | 登机后乘务员送上热毛巾，10分钟内就铺好了床 | 这家航空公司不一样",
        "商务舱旅客 | 登机后乘务员送上热毛巾，１０分钟内就铺好了床 | 这家航空公司不一样",
    ),
    (
        "常来的老顾客 | 刚坐下，服务员就记得她不吃香菜 | 他们记得我",
        "常来的老顾客 | 刚坐下，服务员就记得了她不吃香菜 | 他们记得我",
    ),
    (
        "第一次来的情侣 | 在门口犹豫要不要进，迎宾员主动介绍当天的优惠 | 他们很实在",
        "第一次来的情侣 | 在门口犹豫要不要进时，迎宾员主动介绍了当天的优惠 | 他们很实在",
    ),
    (
        "过生日的大学生 | 服务员得知是生日，带着几位同事唱歌，送上长寿面和小蛋糕 | 一定要发朋友圈",
        "过生日的大学生 | 服务员得知是生日，带着同事唱歌，送上长寿面和小蛋糕 | 一定要发朋友圈",
    ),
    (
        "商务旅客 | 在酒店大堂用APP办理入住，不到一分钟拿到房卡 | 真省事",
        "商务旅客 | 在酒店大堂用App办理入住，不到一分钟就拿到房卡 | 真省事！",
    ),
    (
        "带婴儿的乘客 | 在登机口排队时，地勤人员请她优先登机 | 被照顾到了",
        "带婴儿的乘客 | 在登机口排队时，地勤请她优先登机 | 被照顾到了",
    ),
    (
        "退休的老人 | 在自助机前不会操作，大堂经理过来一步一步教他 | 很耐心",
        "退休老人 | 在自助机前不会操作，大堂经理走过来一步一步地教他 | 很耐心",
    ),
    (
        "深夜到店的客人 | 航班延误，夜班经理保留了房间，还在桌上留了热饭 | 他们在等我",
        "深夜到店的客人 | 航班延误了，夜班经理保留了房间，还在桌上留了一份热饭 | 他们一直在等我",
    ),
    (
        "周末带朋友来吃饭的年轻白领 | 排队等位一个多小时，服务员送来小吃、饮料 | 等待也是一种享受",
        "周末带朋友来吃饭的年轻白领 | 排队等位一个多小时，服务员送来了小吃和饮料 | 等待也是一种享受",
    ),
    (
        "来办业务的客户 | 取号后等了四十分钟，叫号屏一直不动 | 觉得被晾着",
        "来办业务的客户 | 取号以后等了四十分钟，叫号屏一直不动 | 觉得被晾着",
    ),
    (
        "行李没到的旅客 | 在行李查询柜台，工作人员已经知道行李在哪，当晚送到了酒店 | 他们解决问题很快",
        "行李没到的旅客 | 在行李查询柜台，工作人员已经知道行李在哪，当晚就送到了酒店 | 他们解决问题很快",
    ),
    (
        "带两个小孩的家庭 | 办理入住时，前台给孩子一本涂色书，并把他们换到安静的楼层 | 他们想得真周到",
        "带两个小孩的家庭 | 办入住时前台给孩子一本涂色书，把他们换到安静的楼层 | 他们想得真周到",
    ),
    (
        "紧张的乘客 | 遇到强烈颠簸时，机长广播解释发生了什么、多久会结束 | 可以信任他们",
        "紧张的乘客 | 遇到强烈颠簸时机长广播解释了发生什么，多久会结束 | 可以信任他们",
    ),
    (
        "戴眼镜的顾客 | 锅一开，服务员就递上眼镜布 | 细节做到家了",
        "戴眼镜的顾客 | 锅一开服务员就递上了眼镜布！ | 细节做到家了",
    ),
    (
        "一个人来吃火锅的上班族 | 服务员在对面座位放了一只大玩偶陪他吃饭 | 一个人也不孤单",
        "一个人来吃火锅的上班族 | 服务员在他对面的座位放了一只大玩偶陪他吃饭 | 一个人也不孤单",
    ),
    (
        "丢了银行卡的客户 | 打电话给客服，一分钟内就冻结了卡 | 很安心",
        "丢了银行卡的客户 | 打电话给客服，一分钟之内就冻结了卡 | 很安心",
    ),
    (
        "赶时间退房的客人 | 快速退房，出租车到之前发票已经发到邮箱 | 顺顺利利",
        "赶时间退房的客人 | 快速退房：出租车到之前，发票就已经发到邮箱了 | 顺顺利利",
    ),
    (
        "第五十次飞行的常旅客 | 乘务长在舱门口叫出她的名字，还记得她喝茶不加奶 | 我在这里很重要",
        "第五十次飞行的常旅客 | 乘务长在舱门口叫出了她的名字，还记得她喝茶不加奶 | 我在这里很重要",
    ),
    (
        "第一次买理财的年轻人 | 理财经理把风险讲得很清楚，没有催他签字 | 值得信任",
        "第一次买理财产品的年轻人 | 理财经理把风险讲得很清楚，也没有催他签字 | 值得信任",
    ),
    (
        "淋浴坏了的客人 | 早上七点打电话到前台，十分钟内维修师傅就到了 | 他们敢于承担",
        "淋浴坏了的客人 | 早上七点打电话到前台，十分钟之内维修师傅就到了。 | 他们敢于承担",
    ),
];

pub const HANS_DIFFERENT: &[(&str, &str)] = &[
    (
        "转机的旅客 | 在登机口等了半小时，没人解释原因 | 很失望",
        "转机的旅客 | 在行李转盘等了半小时，没人解释原因 | 很失望",
    ),
    (
        "来办业务的客户 | 大堂经理帮她填好了单子 | 很满意",
        "来办业务的客户 | 大堂经理帮她填好了单子 | 很不满意",
    ),
    (
        "叫外卖火锅的顾客 | 送到时汤底还是热的 | 很惊喜",
        "叫外卖火锅的顾客 | 送到时汤底还是冷的 | 很惊喜",
    ),
    (
        "来办业务的客户 | 在柜台排队等了半小时 | 觉得时间被浪费",
        "来办业务的客户 | 在柜台排队等了两小时 | 觉得时间被浪费",
    ),
    (
        "商务旅客 | 在前台办理入住等了二十分钟 | 很烦",
        "商务旅客 | 在前台办理退房等了二十分钟 | 很烦",
    ),
    (
        "带孩子的妈妈 | 点菜时服务员主动推荐不辣的锅底 | 他们替我想到了",
        "带孩子的妈妈 | 结账时服务员送了孩子一个气球 | 他们替我想到了",
    ),
    (
        "第一次来的情侣 | 在门口犹豫要不要进，迎宾员主动介绍当天的优惠 | 他们很实在",
        "第一次来的情侣 | 在门口犹豫要不要进，迎宾员主动介绍当天的优惠 | 推销太热情了",
    ),
    (
        "常来的老顾客 | 刚坐下，服务员就记得她不吃香菜 | 他们记得我",
        "常来的老顾客 | 刚坐下，服务员就记得她不吃葱 | 他们记得我",
    ),
    (
        "在比较几家火锅店的顾客 | 在点评网站上看到毛肚有现场照片 | 不会被坑",
        "在比较几家火锅店的顾客 | 在点评网站上看到虾滑有现场照片 | 不会被坑",
    ),
    (
        "第一次坐商务舱的旅客 | 乘务员在起飞后铺好了床 | 这家航空公司不一样",
        "第一次坐经济舱的旅客 | 乘务员在起飞后铺好了床 | 这家航空公司不一样",
    ),
    (
        "小企业主 | 申请贷款后客户经理一小时内回电话 | 被重视",
        "小企业主 | 开户后客户经理一小时内回电话 | 被重视",
    ),
    (
        "深夜到店的客人 | 按了前台的铃，马上有人出来 | 很安心",
        "深夜到店的客人 | 按了前台的铃，半天没人出来 | 很安心",
    ),
    (
        "来办业务的客户 | 在柜台排队等了半小时 | 觉得时间被浪费",
        "来办业务的客户 | 在柜台排队等了半小时，经理出来道歉并送了一张代金券 | 觉得时间被浪费",
    ),
    (
        "入住的客人 | 前台给会员升级了房型 | 被重视",
        "入住的客人 | 前台给新客升级了房型 | 被重视",
    ),
    (
        "边吃边聊的朋友 | 锅里的汤快干了，服务员及时加了汤 | 很贴心",
        "边吃边聊的朋友 | 锅里的汤快干了，服务员没有及时加汤 | 很贴心",
    ),
    (
        "坐轮椅的旅客 | 登机时被安排在左边靠过道的座位 | 被照顾到了",
        "坐轮椅的旅客 | 登机时被安排在右边靠过道的座位 | 被照顾到了",
    ),
    (
        "淋浴坏了的客人 | 早上七点打电话到前台，十分钟内维修师傅就到了 | 他们敢于承担",
        "淋浴坏了的客人 | 晚上七点打电话到前台，十分钟内维修师傅就到了 | 他们敢于承担",
    ),
    (
        "办完业务的客户 | 柜员提醒她在微信上查看余额 | 很方便",
        "办完业务的客户 | 柜员提醒她在短信里查看余额 | 很方便",
    ),
    (
        "第一次坐飞机的孩子 | 值机时地勤主动给他安排了靠窗的座位 | 被照顾到了",
        "第一次坐飞机的孩子 | 值机时地勤主动给他安排了靠过道的座位 | 被照顾到了",
    ),
    (
        "过生日的大学生 | 服务员得知是生日，送上长寿面 | 一定要发朋友圈",
        "过生日的大学生 | 店长得知是生日，送上长寿面 | 一定要发朋友圈",
    ),
    (
        "点了微辣的顾客 | 端上来的锅底比平时辣很多 | 被忽视",
        "点了微辣的顾客 | 端上来的锅底比平时淡很多 | 被忽视",
    ),
    (
        "带两个小孩的家庭 | 办理入住时，前台给孩子一本涂色书 | 他们想得真周到",
        "带两个小孩的家庭 | 办理入住时，礼宾员给孩子一本涂色书 | 他们想得真周到",
    ),
];

pub const HANT_SAME: &[(&str, &str)] = &[
    (
        "來辦業務的客戶 | 在櫃檯排隊等了半小時，只有一個窗口開著 | 覺得自己的時間不值錢",
        "來辦業務的客戶 | 在櫃檯排隊等了半個小時，只有一個窗口開著 | 覺得自己的時間不值錢",
    ),
    (
        "帶孩子的媽媽 | 點菜時服務員看到孩子，主動推薦不辣的鍋底 | 他們替我想到了",
        "帶孩子的媽媽 | 點菜時服務員看到孩子　主動推薦不辣的鍋底！ | 他們替我想到了",
    ),
    (
        "常來的老顧客 | 剛坐下，服務員就記得她不吃香菜 | 他們記得我",
        "常來的老顧客 | 剛坐下服務員就記得了她不吃香菜 | 他們記得我",
    ),
    (
        "深夜到店的客人 | 航班延誤，夜班經理保留了房間，還在桌上留了熱飯 | 他們在等我",
        "深夜到店的客人 | 航班延誤，夜班經理保留了房間，還在桌上留了一份熱飯 | 他們一直在等我",
    ),
    (
        "退休的老人 | 在自助機前不會操作，大堂經理過來一步一步教他 | 很耐心",
        "退休的老人 | 在自助機前不會操作，大堂經理走過來一步一步地教他 | 很耐心",
    ),
    (
        "帶嬰兒的乘客 | 在登機口排隊時，地勤人員請她優先登機 | 被照顧到了",
        "帶嬰兒的乘客 | 在登機口排隊時，地勤請她優先登機 | 被照顧到了",
    ),
    (
        "戴眼鏡的顧客 | 鍋一開，服務員就遞上眼鏡布 | 細節做到家了",
        "戴眼鏡的顧客 | 鍋一開服務員就遞上了眼鏡布！ | 細節做到家了",
    ),
    (
        "丟了銀行卡的客戶 | 打電話給客服，一分鐘內就凍結了卡 | 很安心",
        "丟了銀行卡的客戶 | 打電話給客服，一分鐘之內就凍結了卡 | 很安心",
    ),
    (
        "搭華航的商務客 | 登機後空服員送上熱毛巾，10分鐘內就鋪好了床 | 這家航空公司不一樣",
        "搭華航的商務客 | 登機後空服員送上熱毛巾，１０分鐘內就鋪好床 | 這家航空公司不一樣",
    ),
    (
        "帶著小孩的爸爸 | 在登機門，地勤人員請有小孩的家庭先登機 | 他們有注意到我們",
        "帶著小孩的爸爸 | 在登機門地勤人員請有小孩的家庭優先登機 | 他們有注意到我們",
    ),
    (
        "半夜才到飯店的旅客 | 櫃檯只有一位人員，在櫃檯等了半小時才拿到房卡 | 覺得被冷落",
        "半夜才到飯店的旅客 | 櫃檯只有一位人員，在櫃檯等了半個小時才拿到房卡 | 覺得被冷落",
    ),
    (
        "來銀行辦事的阿伯 | 行員一步一步教他用網路銀行轉帳 | 很有耐心",
        "來銀行辦事的阿伯 | 行員一步一步地教他使用網路銀行轉帳 | 很有耐心",
    ),
    (
        "在提款機前的遊客 | 提款機吞了他的卡，銀行職員兩分鐘內就拿回來還他 | 他們會幫我",
        "在提款機前的遊客 | 提款機吞了他的卡，職員兩分鐘內就拿回來還給他！ | 他們會幫我",
    ),
    (
        "過生日的大學生 | 服務生知道是生日後，帶著同事一起唱歌，送上壽麵和小蛋糕 | 一定要打卡",
        "過生日的大學生 | 服務生知道是生日，帶著同事一起唱歌，送上壽麵和一個小蛋糕 | 一定要打卡",
    ),
    (
        "行李沒到的旅客 | 在行李服務櫃檯，地勤已經知道行李在哪裡，當晚就送到飯店 | 他們解決問題很快",
        "行李沒到的旅客 | 在行李服務櫃檯，地勤已經知道行李在哪，當晚送到了飯店 | 他們解決問題很快",
    ),
    (
        "來辦事的客戶 | 抽號碼牌後等了四十分鐘，叫號燈一直沒動 | 覺得被晾在一邊",
        "來辦事的客戶 | 抽了號碼牌以後等了四十分鐘，叫號燈一直沒動 | 覺得被晾在一邊",
    ),
    (
        "趕時間退房的客人 | 快速退房，計程車到之前收據已經寄到信箱 | 順順利利",
        "趕時間退房的客人 | 快速退房：計程車到之前，收據就已經寄到信箱了 | 順順利利",
    ),
    (
        "怕坐飛機的乘客 | 遇到強烈亂流時，機長廣播說明發生了什麼、多久會結束 | 可以信任他們",
        "怕坐飛機的乘客 | 遇到亂流時機長廣播說明了發生什麼，多久會結束 | 可以信任他們",
    ),
    (
        "商務旅客 | 在飯店大廳用APP辦理入住，不到一分鐘拿到房卡 | 真省事",
        "商務旅客 | 在飯店大廳用App辦理入住，不到一分鐘就拿到房卡了 | 真省事！",
    ),
    (
        "開小吃店的老闆 | 申請貸款後，專員一個小時內就回電 | 他們很重視我",
        "開小吃店的老闆 | 申請貸款以後，專員一小時內就回電了 | 他們很重視我",
    ),
    (
        "第五十次搭華航的常客 | 座艙長在機門口叫出她的名字，還記得她喝茶不加奶 | 我在這裡很重要",
        "第五十次搭華航的常客 | 座艙長在機門口叫出了她的名字、還記得她喝茶不加奶。 | 我在這裡很重要",
    ),
    (
        "蓮蓬頭壞掉的房客 | 早上七點打電話到櫃檯，十分鐘內師傅就到了 | 他們願意負責",
        "蓮蓬頭壞掉的房客 | 早上七點打電話到櫃檯，十分鐘之內維修師傅就到了。 | 他們願意負責",
    ),
    (
        "週末帶朋友來的年輕上班族 | 候位一個多小時，店員送來小點心和飲料 | 等待也是一種享受",
        "週末帶朋友來的年輕上班族 | 候位等了一個多小時，店員送來小點心、飲料 | 等待也是一種享受",
    ),
    (
        "弄丟信用卡的客戶 | 打給客服專線，一分鐘內就停卡了 | 很安心",
        "弄丟信用卡的客戶 | 打電話給客服專線，一分鐘之內就停卡 | 很安心",
    ),
    (
        "轉機時間很趕的旅客 | 地勤人員親自帶她走到下一個登機門 | 他們罩我",
        "轉機時間很趕的旅客 | 地勤人員帶她走到下一個登機門 | 他們罩我",
    ),
    (
        "第一次買基金的年輕人 | 理專把風險講得很清楚，沒有催他簽名 | 值得信任",
        "第一次買基金的年輕人 | 理專把風險講得很清楚，也沒有催他簽名 | 值得信任",
    ),
    (
        "帶長輩來的客人 | 服務生主動把湯頭換成不辣的，還送上一壺熱茶 | 很貼心",
        "帶長輩來的客人 | 服務生主動把湯頭換成不辣的，還送上熱茶 | 很貼心",
    ),
];

pub const HANT_DIFFERENT: &[(&str, &str)] = &[
    (
        "轉機的旅客 | 在登機口等了半小時，沒人解釋原因 | 很失望",
        "轉機的旅客 | 在行李轉盤等了半小時，沒人解釋原因 | 很失望",
    ),
    (
        "來辦業務的客戶 | 大堂經理幫她填好了單子 | 很滿意",
        "來辦業務的客戶 | 大堂經理幫她填好了單子 | 很不滿意",
    ),
    (
        "商務旅客 | 在前台辦理入住等了二十分鐘 | 很煩",
        "商務旅客 | 在前台辦理退房等了二十分鐘 | 很煩",
    ),
    (
        "常來的老顧客 | 剛坐下，服務員就記得她不吃香菜 | 他們記得我",
        "常來的老顧客 | 剛坐下，服務員就記得她不吃蔥 | 他們記得我",
    ),
    (
        "叫外賣火鍋的顧客 | 送到時湯底還是熱的 | 很驚喜",
        "叫外賣火鍋的顧客 | 送到時湯底還是冷的 | 很驚喜",
    ),
    (
        "來辦業務的客戶 | 在櫃檯排隊等了半小時 | 覺得時間被浪費",
        "來辦業務的客戶 | 在櫃檯排隊等了兩小時 | 覺得時間被浪費",
    ),
    (
        "來辦業務的客戶 | 在櫃檯排隊等了半小時 | 覺得時間被浪費",
        "來辦業務的客戶 | 在櫃檯排隊等了半小時，經理出來道歉並送了一張代金券 | 覺得時間被浪費",
    ),
    (
        "淋浴壞了的客人 | 早上七點打電話到前台，十分鐘內維修師傅就到了 | 他們敢於承擔",
        "淋浴壞了的客人 | 晚上七點打電話到前台，十分鐘內維修師傅就到了 | 他們敢於承擔",
    ),
    (
        "搭華航的旅客 | 飛機延誤，在登機門等了20分鐘才有人廣播 | 覺得被晾著",
        "搭華航的旅客 | 飛機延誤，在登機門等了30分鐘才有人廣播 | 覺得被晾著",
    ),
    (
        "轉機的旅客 | 在登機門前排隊等了二十分鐘 | 很煩",
        "轉機的旅客 | 在報到櫃檯前排隊等了二十分鐘 | 很煩",
    ),
    (
        "坐輪椅的旅客 | 登機時被安排在靠走道的座位 | 被照顧到了",
        "坐輪椅的旅客 | 登機時被安排在靠窗的座位 | 被照顧到了",
    ),
    (
        "搭華航的商務客 | 登機後空服員送上熱毛巾 | 這家航空公司不一樣",
        "搭華航的商務客 | 在貴賓室休息時，服務人員幫他改好了轉機航班 | 這家航空公司不一樣",
    ),
    (
        "帶寵物的房客 | 櫃檯人員主動準備了寵物床和水碗 | 很滿意",
        "帶寵物的房客 | 櫃檯人員主動準備了寵物床和水碗 | 不滿意",
    ),
    (
        "帶小孩的媽媽 | 退房時櫃檯幫她叫了計程車 | 他們想得很周到",
        "帶小孩的媽媽 | 入住時櫃檯幫她叫了計程車 | 他們想得很周到",
    ),
    (
        "住飯店的商務客 | 吃早餐時服務生記得他要黑咖啡 | 他們記得我",
        "住飯店的商務客 | 吃早餐時服務生記得他要熱豆漿 | 他們記得我",
    ),
    (
        "入住的房客 | 櫃檯人員幫她把房間升等成套房 | 很驚喜",
        "入住的房客 | 櫃檯人員幫她把房間升等成套房，可是進去才發現冷氣壞了，整晚都很熱 | 很驚喜",
    ),
    (
        "辦完事的客戶 | 行員提醒她用手機App查餘額 | 很方便",
        "辦完事的客戶 | 行員沒有提醒她用手機App查餘額 | 很方便",
    ),
    (
        "來匯款的阿姨 | 抽號碼牌時前面還有5個人 | 還可以",
        "來匯款的阿姨 | 抽號碼牌時前面還有15個人 | 還可以",
    ),
    (
        "在網路銀行轉帳的客戶 | 轉錯帳戶，打給客服後當天就追回來了 | 很安心",
        "在網路銀行轉帳的客戶 | 轉錯金額，打給客服後當天就追回來了 | 很安心",
    ),
    (
        "第一次買基金的年輕人 | 理專把風險講得很清楚 | 值得信任",
        "第一次買保險的年輕人 | 理專把風險講得很清楚 | 值得信任",
    ),
    (
        "點了麻辣鍋的客人 | 服務生送上一盤免費的豆腐 | 很驚喜",
        "點了麻辣鍋的客人 | 服務生送上一盤免費的鴨血 | 很驚喜",
    ),
    (
        "帶長輩來的客人 | 服務生主動把湯頭換成不辣的 | 很貼心",
        "帶長輩來的客人 | 服務生主動把湯頭換成小辣的 | 很貼心",
    ),
    (
        "第一次來的客人 | 服務生把每一種沾醬的配方都解釋清楚 | 很滿意",
        "第一次來的客人 | 服務生把每一種沾醬的配方都解釋清楚 | 不滿意",
    ),
];
