//! Keys of the Drill stage: the cards, the trios, the round and its sheets,
//! the debrief, and the card editor.

use super::*;

/// Their bindings, in help order within each context.
pub(super) static DRILL: &[Binding] = &[
    // Cards
    bind!(
        DrillCards,
        [c('a')],
        A::AddFromLibrary,
        "keys.drill.library",
        b("keys.bar.library")
    ),
    bind!(
        DrillCards,
        [c('m')],
        A::CardFromMot,
        "keys.drill.from_mot",
        b("keys.bar.from_mot")
    ),
    bind!(
        DrillCards,
        [c('n')],
        A::NewCard,
        "keys.drill.new_card",
        None
    ),
    bind!(
        DrillCards,
        [k(K::Enter), c('e')],
        A::Open,
        "keys.drill.edit_card",
        b("keys.bar.edit")
    ),
    bind!(
        DrillCards,
        [c('d'), k(K::Delete)],
        A::Delete,
        "keys.drill.remove_card",
        None
    ),
    bind!(
        DrillCards,
        [k(K::Up), c('k')],
        A::Up,
        "keys.drill.prev_card",
        None
    ),
    bind!(
        DrillCards,
        [k(K::Down), c('j')],
        A::Down,
        "keys.drill.next_card",
        None
    ),
    bind!(DrillCards, [c('v')], A::NextView, "keys.drill.view", None),
    // Trios
    bind!(
        DrillTrios,
        [c('f')],
        A::FormTrios,
        "keys.drill.form",
        b("keys.bar.form")
    ),
    bind!(
        DrillTrios,
        [k(K::Up), c('k')],
        A::Up,
        "keys.drill.prev_person",
        None
    ),
    bind!(
        DrillTrios,
        [k(K::Down), c('j')],
        A::Down,
        "keys.drill.next_person",
        None
    ),
    bind!(
        DrillTrios,
        [k(K::Home)],
        A::Home,
        "keys.drill.first_person",
        None
    ),
    bind!(
        DrillTrios,
        [k(K::End)],
        A::End,
        "keys.drill.last_person",
        None
    ),
    bind!(
        DrillTrios,
        [k(K::PageUp)],
        A::PageUp,
        "keys.drill.trios_up",
        None
    ),
    bind!(
        DrillTrios,
        [k(K::PageDown)],
        A::PageDown,
        "keys.drill.trios_down",
        None
    ),
    bind!(
        DrillTrios,
        [k(K::Left), c('h')],
        A::Left,
        "keys.drill.move_up",
        bk("←→", "keys.bar.move")
    ),
    bind!(
        DrillTrios,
        [k(K::Right), c('l')],
        A::Right,
        "keys.drill.move_down",
        None
    ),
    bind!(DrillTrios, [c('v')], A::NextView, "keys.drill.view", None),
    // Round
    bind!(
        DrillRound,
        [k(K::Enter), c('s')],
        A::Open,
        "keys.drill.sheet",
        bk("Enter", "keys.bar.sheet")
    ),
    bind!(
        DrillRound,
        [c(']')],
        A::NextPhase,
        "keys.drill.next_phase",
        b("keys.bar.next_phase")
    ),
    bind!(
        DrillRound,
        [c('[')],
        A::RepeatPhase,
        "keys.drill.repeat_phase",
        None
    ),
    bind!(
        DrillRound,
        [c('.'), c('>')],
        A::NextRound,
        "keys.drill.next_round",
        b("keys.bar.next_round")
    ),
    bind!(
        DrillRound,
        [c(','), c('<')],
        A::PrevRound,
        "keys.drill.prev_round",
        None
    ),
    bind!(
        DrillRound,
        [c('+'), c('=')],
        A::PhaseLonger,
        "keys.drill.longer",
        None
    ),
    bind!(
        DrillRound,
        [c('-')],
        A::PhaseShorter,
        "keys.drill.shorter",
        None
    ),
    bind!(
        DrillRound,
        [k(K::Up), c('k')],
        A::Up,
        "keys.drill.prev_table",
        None
    ),
    bind!(
        DrillRound,
        [k(K::Down), c('j')],
        A::Down,
        "keys.drill.next_table",
        None
    ),
    bind!(
        DrillRound,
        [k(K::Home)],
        A::Home,
        "keys.drill.first_table",
        None
    ),
    bind!(
        DrillRound,
        [k(K::End)],
        A::End,
        "keys.drill.last_table",
        None
    ),
    bind!(
        DrillRound,
        [k(K::PageUp)],
        A::PageUp,
        "keys.drill.page_up",
        None
    ),
    bind!(
        DrillRound,
        [k(K::PageDown)],
        A::PageDown,
        "keys.drill.page_down",
        None
    ),
    bind!(DrillRound, [c('v')], A::NextView, "keys.drill.view", None),
    // The observer's sheet, typed in from paper
    bind!(
        DrillSheet,
        [c('1')],
        A::Digit(1),
        "keys.sheet.digits",
        bk("1-5", "keys.bar.enter_sheet")
    ),
    bind!(DrillSheet, [c('2')], A::Digit(2), "", None),
    bind!(DrillSheet, [c('3')], A::Digit(3), "", None),
    bind!(DrillSheet, [c('4')], A::Digit(4), "", None),
    bind!(DrillSheet, [c('5')], A::Digit(5), "", None),
    bind!(
        DrillSheet,
        [k(K::Up), c('k')],
        A::Up,
        "keys.sheet.prev_row",
        None
    ),
    bind!(
        DrillSheet,
        [k(K::Down), c('j')],
        A::Down,
        "keys.sheet.next_row",
        None
    ),
    bind!(
        DrillSheet,
        [k(K::Enter), c('c')],
        A::Open,
        "keys.sheet.comment",
        bk("Enter", "keys.bar.comment")
    ),
    bind!(
        DrillSheet,
        [k(K::Backspace), k(K::Delete)],
        A::EraseDigit,
        "keys.sheet.erase",
        None
    ),
    bind!(
        DrillSheet,
        [k(K::Esc)],
        A::Cancel,
        "keys.sheet.close",
        bk("Esc", "keys.bar.done")
    ),
    bind!(
        DrillSheet,
        [c('u'), ctrl('z')],
        A::Undo,
        "keys.stages.undo",
        b("keys.bar.undo")
    ),
    bind!(
        DrillSheet,
        [ctrl('r'), ctrl('y')],
        A::Redo,
        "keys.stages.redo",
        None
    ),
    // Debrief
    bind!(
        DrillDebrief,
        [k(K::Up), c('k')],
        A::Up,
        "keys.drill.prev_comment",
        None
    ),
    bind!(
        DrillDebrief,
        [k(K::Down), c('j')],
        A::Down,
        "keys.drill.next_comment",
        None
    ),
    bind!(
        DrillDebrief,
        [k(K::PageUp)],
        A::PageUp,
        "keys.drill.groups_up",
        None
    ),
    bind!(
        DrillDebrief,
        [k(K::PageDown)],
        A::PageDown,
        "keys.drill.groups_down",
        None
    ),
    bind!(
        DrillDebrief,
        [c('m')],
        A::CommentToMot,
        "keys.drill.comment_to_mot",
        b("keys.bar.to_mot")
    ),
    bind!(
        DrillDebrief,
        [c('b')],
        A::ToggleDebriefBy,
        "keys.drill.by",
        b("keys.bar.by")
    ),
    bind!(
        DrillDebrief,
        [c('a')],
        A::ToggleAnonymous,
        "keys.drill.anonymous",
        None
    ),
    bind!(DrillDebrief, [c('v')], A::NextView, "keys.drill.view", None),
    // A list to pick a card from
    bind!(DrillPick, [k(K::Up), c('k')], A::Up, "keys.pick.prev", None),
    bind!(
        DrillPick,
        [k(K::Down), c('j')],
        A::Down,
        "keys.pick.next",
        None
    ),
    bind!(
        DrillPick,
        [k(K::Enter)],
        A::Open,
        "keys.pick.take",
        b("keys.bar.add")
    ),
    bind!(
        DrillPick,
        [k(K::Esc)],
        A::Cancel,
        "keys.pick.close",
        b("keys.bar.close")
    ),
    // The card editor
    bind!(
        CardEditor,
        [k(K::Tab), k(K::Down)],
        A::NextField,
        "keys.card_editor.next",
        bk("Tab", "keys.bar.next_field")
    ),
    bind!(
        CardEditor,
        [k(K::BackTab), k(K::Up)],
        A::PrevField,
        "keys.card_editor.prev",
        None
    ),
    bind!(
        CardEditor,
        [k(K::Enter)],
        A::Submit,
        "keys.card_editor.submit",
        b("keys.bar.next_keep")
    ),
    bind!(
        CardEditor,
        [ctrl('s')],
        A::SaveMot,
        "keys.card_editor.keep",
        b("keys.bar.keep")
    ),
    bind!(
        CardEditor,
        [k(K::Esc)],
        A::Cancel,
        "keys.card_editor.close",
        b("keys.bar.discard")
    ),
];
