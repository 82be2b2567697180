//! Thousands of MOTs on every screen: each draws what is visible (how much
//! work that is, whatever the size, is counted in `work_per_frame.rs`).

mod common;

use common::Harness;
use mot::app::Stage;
use mot::model::{Dimension, MotText, Quality, Session};
use ratatui::crossterm::event::KeyCode;

fn big_session(n: usize) -> Session {
    let mut s = Session::new("大型工作坊");
    let p = s.add_participant("王小明", 1).expect("group");
    for i in 0..n {
        let id = s.add_mot(MotText {
            who: format!("顾客 {i}"),
            situation: format!("在第 {i} 家门店排队等位时，服务员送来小吃和饮料"),
            feeling: "被照顾".into(),
        });
        s.set_dimension(id, Some(Dimension::ALL[i % 4]))
            .expect("mot");
        s.toggle_quality(id, Quality::ALL[i % 5]).expect("mot");
        s.set_hands(id, 1 + (i % 4) as u32, (i % 7) as u32)
            .expect("group");
    }
    s.add_dot(p, 1).expect("room");
    s.votes_revealed = true;
    s
}

#[test]
fn five_thousand_mots_draw_on_every_stage() {
    let mut h = Harness::with_session(big_session(5000));
    for stage in Stage::ALL {
        while h.workshop().stage() != stage {
            h.key(KeyCode::Tab);
        }
        h.key(KeyCode::End);
        let screen = h.screen(160, 45);
        assert!(!screen.contains("too small"), "{stage:?}");
    }
    // The last MOT is on screen after End in the lists.
    while h.workshop().stage() != Stage::Tag {
        h.key(KeyCode::Tab);
    }
    assert!(h.screen(160, 45).contains("5000"));
}
