//! The rows of the Setup screen, derived from the session.

use crate::model::{GroupId, ParticipantId, Session, Stage};

/// One row of the Setup form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupRow {
    /// Session title.
    Title,
    /// Brand name.
    Brand,
    /// The brand's core message.
    CoreMessage,
    /// Target user.
    TargetUser,
    /// Focus dimension.
    Focus,
    /// Dots per participant.
    DotBudget,
    /// Most dots on one MOT.
    MaxDots,
    /// What the score adds up: dots, hands or both.
    Counting,
    /// A respondent group and its weight.
    Group(GroupId),
    /// "Add a group".
    AddGroup,
    /// A participant and their group.
    Participant(ParticipantId),
    /// "Add a participant".
    AddParticipant,
    /// The minutes a stage's timer counts down from.
    Timebox(Stage),
}

/// The rows for this session, top to bottom.
pub fn rows(session: &Session) -> Vec<SetupRow> {
    let mut rows = vec![
        SetupRow::Title,
        SetupRow::Brand,
        SetupRow::CoreMessage,
        SetupRow::TargetUser,
        SetupRow::Focus,
        SetupRow::DotBudget,
        SetupRow::MaxDots,
        SetupRow::Counting,
    ];
    rows.extend(session.groups.iter().map(|g| SetupRow::Group(g.id)));
    rows.push(SetupRow::AddGroup);
    rows.extend(
        session
            .participants
            .iter()
            .map(|p| SetupRow::Participant(p.id)),
    );
    rows.push(SetupRow::AddParticipant);
    // The drill's clock runs by phases, set on its round view (+/-), not
    // by one timebox.
    rows.extend(
        Stage::ALL
            .into_iter()
            .filter(|s| *s != Stage::Drill)
            .map(SetupRow::Timebox),
    );
    rows
}
