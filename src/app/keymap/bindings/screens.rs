//! Keys outside the stages: the help overlay, the questions asked on
//! opening or quitting, text fields and the picker.

use super::*;

/// Their bindings, in help order within each context.
pub(super) static SCREENS: &[Binding] = &[
    // Help overlay
    bind!(
        Help,
        [c('?'), k(K::Esc)],
        A::ToggleHelp,
        "keys.help.close",
        bk("?", "keys.bar.close")
    ),
    bind!(
        Help,
        [k(K::Up), k(K::PageUp)],
        A::PageUp,
        "keys.help.up",
        None
    ),
    bind!(
        Help,
        [k(K::Down), k(K::PageDown)],
        A::PageDown,
        "keys.help.down",
        None
    ),
    // Questions
    bind!(
        Locked,
        [c('r')],
        A::OpenReadOnly,
        "keys.locked.read_only",
        b("keys.bar.read_only")
    ),
    bind!(
        Locked,
        [c('t')],
        A::TakeOver,
        "keys.locked.take_over",
        b("keys.bar.take_over")
    ),
    bind!(
        Locked,
        [k(K::Esc)],
        A::Cancel,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    bind!(
        Restore,
        [c('y')],
        A::Yes,
        "keys.restore.backup",
        b("keys.bar.open_backup")
    ),
    bind!(
        Restore,
        [c('n'), k(K::Esc)],
        A::No,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    bind!(
        Recovery,
        [c('y')],
        A::Yes,
        "keys.recovery.recover",
        b("keys.bar.recover")
    ),
    bind!(
        Recovery,
        [c('k')],
        A::KeepBoth,
        "keys.recovery.keep_both",
        b("keys.bar.keep_both")
    ),
    bind!(
        Recovery,
        [c('n')],
        A::No,
        "keys.recovery.as_saved",
        b("keys.bar.as_saved")
    ),
    bind!(
        Recovery,
        [k(K::Esc)],
        A::Cancel,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    // Nothing else is left: recover it, or leave it for later.
    bind!(
        RecoveryOnly,
        [c('y')],
        A::Yes,
        "keys.recovery.recover",
        b("keys.bar.recover")
    ),
    bind!(
        RecoveryOnly,
        [c('n'), k(K::Esc)],
        A::Cancel,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    // Both changed: no single key may replace the newer work.
    bind!(
        RecoveryConflict,
        [c('k')],
        A::KeepBoth,
        "keys.recovery.keep_both",
        b("keys.bar.keep_both")
    ),
    bind!(
        RecoveryConflict,
        [c('n')],
        A::No,
        "keys.recovery.as_saved",
        b("keys.bar.as_saved")
    ),
    bind!(
        RecoveryConflict,
        [k(K::Esc)],
        A::Cancel,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    bind!(
        Unsaved,
        [c('w')],
        A::WriteElsewhere,
        "keys.unsaved.elsewhere",
        b("keys.bar.write_elsewhere")
    ),
    bind!(
        Unsaved,
        [c('q')],
        A::QuitWithoutSaving,
        "keys.unsaved.quit",
        b("keys.bar.quit_anyway")
    ),
    bind!(
        Unsaved,
        [k(K::Esc)],
        A::No,
        "keys.unsaved.stay",
        b("keys.bar.stay")
    ),
    // Text fields
    bind!(
        Editor,
        [k(K::Tab)],
        A::NextField,
        "keys.editor.next_field",
        b("keys.bar.next_field")
    ),
    bind!(
        Editor,
        [k(K::BackTab)],
        A::PrevField,
        "keys.editor.prev_field",
        None
    ),
    bind!(
        Editor,
        [k(K::Enter)],
        A::Submit,
        "keys.editor.submit",
        b("keys.bar.next_keep")
    ),
    bind!(
        Editor,
        [ctrl('s')],
        A::SaveMot,
        "keys.editor.keep",
        b("keys.bar.keep")
    ),
    bind!(
        Editor,
        [k(K::Esc)],
        A::Cancel,
        "keys.editor.discard",
        b("keys.bar.discard")
    ),
    bind!(
        ImportPreview,
        [k(K::Enter), c('y')],
        A::Yes,
        "keys.import.add",
        b("keys.bar.add")
    ),
    bind!(
        ImportPreview,
        [k(K::Esc), c('n')],
        A::Cancel,
        "keys.import.cancel",
        b("keys.bar.cancel")
    ),
    bind!(
        ImportPreview,
        [k(K::Up), c('k')],
        A::Up,
        "keys.import.up",
        None
    ),
    bind!(
        ImportPreview,
        [k(K::Down), c('j')],
        A::Down,
        "keys.import.down",
        None
    ),
    bind!(
        ImportPreview,
        [k(K::PageUp)],
        A::PageUp,
        "keys.page.up",
        bk("PgUp/PgDn", "keys.bar.scroll")
    ),
    bind!(
        ImportPreview,
        [k(K::PageDown)],
        A::PageDown,
        "keys.page.down",
        None
    ),
    bind!(
        ImportPreview,
        [k(K::Home), c('g')],
        A::Home,
        "keys.import.top",
        None
    ),
    bind!(
        ImportPreview,
        [k(K::End), c('G')],
        A::End,
        "keys.import.bottom",
        None
    ),
    bind!(
        Duplicates,
        [c('1')],
        A::KeepFirst,
        "keys.dup.keep_first",
        bk("1/2", "keys.bar.keep_one")
    ),
    bind!(
        Duplicates,
        [c('2')],
        A::KeepSecond,
        "keys.dup.keep_second",
        None
    ),
    bind!(
        Duplicates,
        [c('x')],
        A::NotDuplicates,
        "keys.dup.different",
        b("keys.bar.different")
    ),
    bind!(
        Duplicates,
        [k(K::Down), c('j'), c(' ')],
        A::Down,
        "keys.dup.next",
        bk("↑↓", "keys.bar.pairs")
    ),
    bind!(Duplicates, [k(K::Up), c('k')], A::Up, "keys.dup.prev", None),
    bind!(
        Duplicates,
        [c('u'), ctrl('z')],
        A::Undo,
        "keys.dup.undo",
        b("keys.bar.undo")
    ),
    bind!(
        Duplicates,
        [k(K::Esc)],
        A::Cancel,
        "keys.dup.close",
        b("keys.bar.close")
    ),
    bind!(
        TextField,
        [k(K::Enter)],
        A::Submit,
        "keys.text.keep",
        b("keys.bar.ok")
    ),
    bind!(
        TextField,
        [k(K::Esc)],
        A::Cancel,
        "keys.text.cancel",
        b("keys.bar.cancel")
    ),
    // Picker
    bind!(Picker, [k(K::Up), c('k')], A::Up, "keys.picker.prev", None),
    bind!(
        Picker,
        [k(K::Down), c('j')],
        A::Down,
        "keys.picker.next",
        None
    ),
    bind!(Picker, [k(K::Home)], A::Home, "keys.picker.first", None),
    bind!(Picker, [k(K::End)], A::End, "keys.picker.last", None),
    bind!(
        Picker,
        [k(K::Enter)],
        A::Open,
        "keys.picker.open",
        b("keys.bar.open")
    ),
    bind!(
        Picker,
        [c('n')],
        A::NewSession,
        "keys.picker.new",
        b("keys.bar.new")
    ),
    bind!(
        Picker,
        [c('t')],
        A::NewFromTemplate,
        "keys.picker.from_template",
        b("keys.bar.from_template")
    ),
    bind!(
        Picker,
        [c(' ')],
        A::ToggleMark,
        "keys.picker.mark",
        b("keys.bar.mark")
    ),
    bind!(
        Picker,
        [c('m')],
        A::MergeMarked,
        "keys.picker.merge",
        b("keys.bar.merge")
    ),
    // A merge that stopped: the common case settled with one key.
    bind!(
        MergeConflicts,
        [c('w')],
        A::FirstWeights,
        "keys.merge.first_weights",
        b("keys.bar.first_weights")
    ),
    bind!(
        MergeConflicts,
        [k(K::Up), k(K::PageUp)],
        A::PageUp,
        "keys.merge.up",
        None
    ),
    bind!(
        MergeConflicts,
        [k(K::Down), k(K::PageDown)],
        A::PageDown,
        "keys.merge.down",
        None
    ),
    bind!(
        MergeConflicts,
        [k(K::Esc)],
        A::Cancel,
        "keys.merge.close",
        b("keys.bar.close")
    ),
    bind!(
        MergeSummary,
        [k(K::Up), k(K::PageUp)],
        A::PageUp,
        "keys.merge.up",
        None
    ),
    bind!(
        MergeSummary,
        [k(K::Down), k(K::PageDown)],
        A::PageDown,
        "keys.merge.down",
        None
    ),
    bind!(
        MergeSummary,
        [k(K::Enter), k(K::Esc)],
        A::Cancel,
        "keys.merge.close",
        b("keys.bar.close")
    ),
];
