//! Keys of the stages, of going to a MOT, of every session screen, and of
//! presenting.

use super::*;

/// Their bindings, in help order within each context.
pub(super) static STAGES: &[Binding] = &[
    // Setup
    bind!(Setup, [k(K::Up), c('k')], A::Up, "keys.setup.prev", None),
    bind!(
        Setup,
        [k(K::Down), c('j')],
        A::Down,
        "keys.setup.next",
        None
    ),
    bind!(Setup, [k(K::Home)], A::Home, "keys.setup.first", None),
    bind!(Setup, [k(K::End)], A::End, "keys.setup.last", None),
    bind!(
        Setup,
        [k(K::Enter), c('e')],
        A::Open,
        "keys.setup.edit",
        b("keys.bar.edit")
    ),
    bind!(
        Setup,
        [k(K::Left), c('-'), c('h')],
        A::Left,
        "keys.setup.less",
        bk("←→", "keys.bar.change")
    ),
    bind!(
        Setup,
        [k(K::Right), c('+'), c('='), c('l')],
        A::Right,
        "keys.setup.more",
        None
    ),
    bind!(
        Setup,
        [c('a')],
        A::AddParticipant,
        "keys.setup.add_participant",
        b("keys.bar.add_person")
    ),
    bind!(Setup, [c('g')], A::AddGroup, "keys.setup.add_group", None),
    bind!(
        Setup,
        [c('d'), k(K::Delete)],
        A::Delete,
        "keys.setup.remove",
        None
    ),
    // Write
    bind!(
        Write,
        [c('n')],
        A::NewMot,
        "keys.write.new",
        b("keys.bar.new")
    ),
    bind!(
        Write,
        [k(K::Enter), c('e')],
        A::Open,
        "keys.write.edit",
        b("keys.bar.edit")
    ),
    bind!(
        Write,
        [c('d'), k(K::Delete)],
        A::Delete,
        "keys.write.delete",
        b("keys.bar.delete")
    ),
    bind!(
        Write,
        [c('i')],
        A::ImportFile,
        "keys.write.import",
        b("keys.bar.import")
    ),
    bind!(
        Write,
        [c('D')],
        A::ReviewDuplicates,
        "keys.write.duplicates",
        None
    ),
    bind!(Write, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(Write, [k(K::Down), c('j')], A::Down, "keys.mot.next", None),
    bind!(Write, [k(K::PageUp)], A::PageUp, "keys.page.up", None),
    bind!(Write, [k(K::PageDown)], A::PageDown, "keys.page.down", None),
    bind!(Write, [k(K::Home), c('g')], A::Home, "keys.mot.first", None),
    bind!(Write, [k(K::End), c('G')], A::End, "keys.mot.last", None),
    // Tag
    bind!(Tag, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(Tag, [k(K::Down), c('j')], A::Down, "keys.mot.next", None),
    bind!(Tag, [k(K::Home)], A::Home, "keys.mot.first", None),
    bind!(Tag, [k(K::End)], A::End, "keys.mot.last", None),
    bind!(
        Tag,
        [c('1')],
        A::SetDimension(Dimension::Entry),
        "keys.tag.entry",
        None
    ),
    bind!(
        Tag,
        [c('2')],
        A::SetDimension(Dimension::Conversion),
        "keys.tag.conversion",
        None
    ),
    bind!(
        Tag,
        [c('3')],
        A::SetDimension(Dimension::Repurchase),
        "keys.tag.repurchase",
        None
    ),
    bind!(
        Tag,
        [c('4')],
        A::SetDimension(Dimension::Referral),
        "keys.tag.referral",
        None
    ),
    bind!(
        Tag,
        [c('0'), k(K::Backspace)],
        A::ClearDimension,
        "keys.tag.clear",
        None
    ),
    bind!(
        Tag,
        [c('5')],
        A::ToggleQuality(Quality::Reliability),
        "keys.tag.reliability",
        None
    ),
    bind!(
        Tag,
        [c('6')],
        A::ToggleQuality(Quality::Assurance),
        "keys.tag.assurance",
        None
    ),
    bind!(
        Tag,
        [c('7')],
        A::ToggleQuality(Quality::Responsiveness),
        "keys.tag.responsiveness",
        None
    ),
    bind!(
        Tag,
        [c('8')],
        A::ToggleQuality(Quality::Tangibles),
        "keys.tag.tangibles",
        None
    ),
    bind!(
        Tag,
        [c('9')],
        A::ToggleQuality(Quality::Empathy),
        "keys.tag.empathy",
        None
    ),
    bind!(
        Tag,
        [k(K::Char(' ')), k(K::Enter)],
        A::NextUntagged,
        "keys.tag.next_untagged",
        b("keys.bar.next_untagged")
    ),
    bind!(
        Tag,
        [c('g')],
        A::CycleGolden,
        "keys.tag.golden",
        bk("g", "keys.bar.golden")
    ),
    bind!(Tag, [k(K::PageUp)], A::PageUp, "keys.page.up", None),
    bind!(Tag, [k(K::PageDown)], A::PageDown, "keys.page.down", None),
    // Vote, dots
    bind!(VoteDots, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(
        VoteDots,
        [k(K::Down), c('j')],
        A::Down,
        "keys.mot.next",
        None
    ),
    bind!(VoteDots, [k(K::Home)], A::Home, "keys.mot.first", None),
    bind!(VoteDots, [k(K::End)], A::End, "keys.mot.last", None),
    bind!(
        VoteDots,
        [k(K::Right), c('+'), c('='), k(K::Char(' '))],
        A::Increase,
        "keys.vote.add_dot",
        bk("→ ←", "keys.bar.dot")
    ),
    bind!(
        VoteDots,
        [k(K::Left), c('-'), k(K::Backspace)],
        A::Decrease,
        "keys.vote.take_dot",
        None
    ),
    bind!(
        VoteDots,
        [c(']'), c('p')],
        A::NextParticipant,
        "keys.vote.next_participant",
        bk("] [", "keys.bar.voter")
    ),
    bind!(
        VoteDots,
        [c('['), c('P')],
        A::PrevParticipant,
        "keys.vote.prev_participant",
        None
    ),
    bind!(
        VoteDots,
        [c('m')],
        A::ToggleVoteMode,
        "keys.vote.to_hands",
        b("keys.bar.hands")
    ),
    bind!(
        VoteDots,
        [c('r')],
        A::ToggleReveal,
        "keys.vote.reveal",
        b("keys.bar.reveal")
    ),
    bind!(
        VoteDots,
        [c('v')],
        A::ToggleShowDots,
        "keys.vote.show_dots",
        None
    ),
    bind!(VoteDots, [k(K::PageUp)], A::PageUp, "keys.page.up", None),
    bind!(
        VoteDots,
        [k(K::PageDown)],
        A::PageDown,
        "keys.page.down",
        None
    ),
    // Vote, hands
    bind!(VoteHands, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(
        VoteHands,
        [k(K::Down), c('j')],
        A::Down,
        "keys.mot.next",
        None
    ),
    bind!(VoteHands, [k(K::Home)], A::Home, "keys.mot.first", None),
    bind!(VoteHands, [k(K::End)], A::End, "keys.mot.last", None),
    bind!(
        VoteHands,
        [k(K::Left), c('h')],
        A::Left,
        "keys.vote.prev_group",
        None
    ),
    bind!(
        VoteHands,
        [k(K::Right), c('l')],
        A::Right,
        "keys.vote.next_group",
        None
    ),
    bind!(
        VoteHands,
        [c('0')],
        A::Digit(0),
        "keys.vote.count",
        bk("0-9", "keys.bar.count")
    ),
    bind!(VoteHands, [c('1')], A::Digit(1), "", None),
    bind!(VoteHands, [c('2')], A::Digit(2), "", None),
    bind!(VoteHands, [c('3')], A::Digit(3), "", None),
    bind!(VoteHands, [c('4')], A::Digit(4), "", None),
    bind!(VoteHands, [c('5')], A::Digit(5), "", None),
    bind!(VoteHands, [c('6')], A::Digit(6), "", None),
    bind!(VoteHands, [c('7')], A::Digit(7), "", None),
    bind!(VoteHands, [c('8')], A::Digit(8), "", None),
    bind!(VoteHands, [c('9')], A::Digit(9), "", None),
    bind!(
        VoteHands,
        [k(K::Backspace)],
        A::EraseDigit,
        "keys.vote.erase",
        None
    ),
    bind!(
        VoteHands,
        [c('+'), c('=')],
        A::Increase,
        "keys.vote.more",
        None
    ),
    bind!(VoteHands, [c('-')], A::Decrease, "keys.vote.less", None),
    // The answer to "1,200 hands for one group?" (y and n as well).
    bind!(
        VoteHands,
        [k(K::Enter), c('y')],
        A::Submit,
        "keys.vote.keep_count",
        b("keys.bar.keep_count")
    ),
    bind!(
        VoteHands,
        [k(K::Esc), c('n')],
        A::Cancel,
        "keys.vote.drop_count",
        b("keys.bar.drop_count")
    ),
    bind!(
        VoteHands,
        [c('m')],
        A::ToggleVoteMode,
        "keys.vote.to_dots",
        b("keys.bar.dots")
    ),
    bind!(
        VoteHands,
        [c('r')],
        A::ToggleReveal,
        "keys.vote.reveal",
        b("keys.bar.reveal")
    ),
    // Matrix
    bind!(Matrix, [k(K::Up), c('k')], A::Up, "keys.matrix.up", None),
    bind!(
        Matrix,
        [k(K::Down), c('j')],
        A::Down,
        "keys.matrix.down",
        None
    ),
    bind!(
        Matrix,
        [k(K::Left), c('h')],
        A::Left,
        "keys.matrix.left",
        None
    ),
    bind!(
        Matrix,
        [k(K::Right), c('l')],
        A::Right,
        "keys.matrix.right",
        None
    ),
    bind!(
        Matrix,
        [k(K::PageUp)],
        A::PageUp,
        "keys.matrix.scroll_up",
        None
    ),
    bind!(
        Matrix,
        [k(K::PageDown)],
        A::PageDown,
        "keys.matrix.scroll_down",
        None
    ),
    // Choose
    bind!(Choose, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(Choose, [k(K::Down), c('j')], A::Down, "keys.mot.next", None),
    bind!(Choose, [k(K::PageUp)], A::PageUp, "keys.page.up", None),
    bind!(
        Choose,
        [k(K::PageDown)],
        A::PageDown,
        "keys.page.down",
        None
    ),
    bind!(Choose, [k(K::Home)], A::Home, "keys.mot.first", None),
    bind!(Choose, [k(K::End)], A::End, "keys.mot.last", None),
    bind!(
        Choose,
        [k(K::Char(' ')), c('c')],
        A::ToggleChosen,
        "keys.choose.chosen",
        bk("Space", "keys.bar.choose")
    ),
    bind!(Choose, [c('g')], A::CycleGolden, "keys.choose.golden", None),
    bind!(
        Choose,
        [c('m')],
        A::ToggleCarries,
        "keys.choose.message",
        None
    ),
    bind!(
        Choose,
        [k(K::Left), c('h')],
        A::Left,
        "keys.choose.prev_circle",
        None
    ),
    bind!(
        Choose,
        [k(K::Right), c('l')],
        A::Right,
        "keys.choose.next_circle",
        None
    ),
    bind!(Choose, [c('1')], A::Rate(1), "keys.choose.rate", None),
    bind!(Choose, [c('2')], A::Rate(2), "", None),
    bind!(Choose, [c('3')], A::Rate(3), "", None),
    bind!(Choose, [c('4')], A::Rate(4), "", None),
    bind!(Choose, [c('5')], A::Rate(5), "", None),
    bind!(
        Choose,
        [c('0'), k(K::Backspace)],
        A::ClearRating,
        "keys.choose.unrate",
        None
    ),
    bind!(
        Choose,
        [c('+'), c('=')],
        A::ThresholdUp,
        "keys.choose.threshold_up",
        None
    ),
    bind!(
        Choose,
        [c('-')],
        A::ThresholdDown,
        "keys.choose.threshold_down",
        None
    ),
    bind!(
        Choose,
        [k(K::Enter), c('x')],
        A::Open,
        "keys.choose.motx",
        bk("Enter", "keys.bar.motx")
    ),
    bind!(
        Choose,
        [c('v')],
        A::NextView,
        "keys.choose.view",
        b("keys.bar.view")
    ),
    bind!(
        Choose,
        [c('f')],
        A::CycleFilter,
        "keys.choose.filter",
        b("keys.bar.filter")
    ),
    bind!(Choose, [c('d')], A::CycleFocus, "keys.choose.focus", None),
    bind!(Choose, [c('r')], A::ToggleReveal, "keys.vote.reveal", None),
    // The number of the MOT to go to, typed after `#`.
    bind!(
        GoTo,
        [c('0')],
        A::Digit(0),
        "keys.goto.digits",
        bk("0-9", "keys.bar.number")
    ),
    bind!(GoTo, [c('1')], A::Digit(1), "", None),
    bind!(GoTo, [c('2')], A::Digit(2), "", None),
    bind!(GoTo, [c('3')], A::Digit(3), "", None),
    bind!(GoTo, [c('4')], A::Digit(4), "", None),
    bind!(GoTo, [c('5')], A::Digit(5), "", None),
    bind!(GoTo, [c('6')], A::Digit(6), "", None),
    bind!(GoTo, [c('7')], A::Digit(7), "", None),
    bind!(GoTo, [c('8')], A::Digit(8), "", None),
    bind!(GoTo, [c('9')], A::Digit(9), "", None),
    bind!(
        GoTo,
        [k(K::Backspace)],
        A::EraseDigit,
        "keys.goto.erase",
        None
    ),
    bind!(
        GoTo,
        [k(K::Enter)],
        A::Submit,
        "keys.goto.go",
        b("keys.bar.go")
    ),
    bind!(
        GoTo,
        [k(K::Esc)],
        A::Cancel,
        "keys.goto.cancel",
        b("keys.bar.cancel")
    ),
    // Everywhere
    bind!(
        Stages,
        [k(K::Tab)],
        A::NextStage,
        "keys.stages.next",
        b("keys.bar.stage")
    ),
    bind!(
        Stages,
        [k(K::BackTab)],
        A::PrevStage,
        "keys.stages.prev",
        None
    ),
    bind!(
        Global,
        [c('?')],
        A::ToggleHelp,
        "keys.global.help",
        b("keys.bar.help")
    ),
    bind!(
        Global,
        [c('q')],
        A::Quit,
        "keys.global.quit",
        b("keys.bar.quit")
    ),
    bind!(
        Stages,
        [c('u'), ctrl('z')],
        A::Undo,
        "keys.stages.undo",
        b("keys.bar.undo")
    ),
    bind!(
        Stages,
        [ctrl('r'), ctrl('y')],
        A::Redo,
        "keys.stages.redo",
        None
    ),
    bind!(Stages, [ctrl('s')], A::SaveNow, "keys.stages.save", None),
    bind!(Global, [ctrl('c')], A::Quit, "keys.global.ctrl_c", None),
    bind!(
        Stages,
        [c('t')],
        A::ToggleTimer,
        "keys.stages.timer",
        b("keys.bar.timer")
    ),
    bind!(Stages, [c('T')], A::ResetTimer, "", None),
    bind!(
        Stages,
        [c('F'), k(K::F(5))],
        A::TogglePresenting,
        "keys.stages.present",
        b("keys.bar.present")
    ),
    // One binding for every list of MOTs; last on the bar, so a narrow
    // one drops it before undo or the timer.
    bind!(
        Stages,
        [c('#')],
        A::GoToMot,
        "keys.stages.goto",
        bk("#", "keys.bar.goto")
    ),
    bind!(
        Global,
        [c('L')],
        A::SwitchLanguage,
        "keys.global.language",
        None
    ),
    bind!(
        Stages,
        [c('O')],
        A::Room,
        "keys.stages.room",
        bk("O", "keys.bar.room")
    ),
    bind!(Global, [c('C')], A::SwitchTheme, "keys.global.theme", None),
    bind!(Global, [c('M')], A::ToggleMouse, "keys.global.mouse", None),
    // One line of help for both: the fullest screens have no room for two.
    bind!(
        Report,
        [c('R')],
        A::WriteReports,
        "keys.report.write_copy",
        None
    ),
    bind!(Report, [c('Y')], A::CopyReport, "", None),
    // The room screen
    bind!(Room, [k(K::Up), c('k')], A::Up, "keys.room.prev", None),
    bind!(Room, [k(K::Down), c('j')], A::Down, "keys.room.next", None),
    bind!(Room, [k(K::PageUp)], A::PageUp, "keys.page.up", None),
    bind!(Room, [k(K::PageDown)], A::PageDown, "keys.page.down", None),
    bind!(Room, [k(K::Home)], A::Home, "keys.room.first", None),
    bind!(Room, [k(K::End)], A::End, "keys.room.last", None),
    bind!(
        Room,
        [c('x'), k(K::Delete)],
        A::Delete,
        "keys.room.release",
        b("keys.bar.release")
    ),
    bind!(
        Room,
        [k(K::Left), k(K::Right)],
        A::Right,
        "keys.room.group",
        bk("←→", "keys.bar.group")
    ),
    bind!(
        Room,
        [c('a')],
        A::ToggleAuthors,
        "keys.room.authors",
        b("keys.bar.authors")
    ),
    bind!(Room, [c('u'), ctrl('z')], A::Undo, "keys.stages.undo", None),
    bind!(
        Room,
        [ctrl('r'), ctrl('y')],
        A::Redo,
        "keys.stages.redo",
        None
    ),
    bind!(
        Room,
        [c('F'), k(K::F(5))],
        A::TogglePresenting,
        "keys.room.present",
        b("keys.bar.present")
    ),
    bind!(
        Room,
        [c('O')],
        A::Room,
        "keys.room.close",
        bk("O", "keys.bar.close_room")
    ),
    bind!(
        Room,
        [k(K::Esc)],
        A::Cancel,
        "keys.room.back",
        bk("Esc", "keys.bar.back")
    ),
    bind!(
        Presenting,
        [k(K::Esc)],
        A::TogglePresenting,
        "keys.presenting.leave",
        bk("Esc", "keys.bar.back")
    ),
];
