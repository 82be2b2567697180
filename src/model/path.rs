//! Where a value sits in a session, named as the file writes it
//! (`mots[3].hands[0].count`), so a check can point at it and the store can
//! find its line and column.

use std::fmt;

/// One step down into a session: a field of a struct, or an element of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A field, by the name the file uses.
    Field(&'static str),
    /// An element of a list, counted from 0.
    Index(usize),
}

/// A path from the top of a session file to one value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(Vec<Step>);

impl FieldPath {
    /// A path to a top-level field.
    pub fn field(name: &'static str) -> FieldPath {
        FieldPath(vec![Step::Field(name)])
    }

    /// This path, then a field.
    pub fn then(mut self, name: &'static str) -> FieldPath {
        self.0.push(Step::Field(name));
        self
    }

    /// This path, then an element of the list it names.
    pub fn at(mut self, index: usize) -> FieldPath {
        self.0.push(Step::Index(index));
        self
    }

    /// The steps from the top.
    pub fn steps(&self) -> &[Step] {
        &self.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Field(name) if i == 0 => f.write_str(name)?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_the_file_writes_them() {
        let p = FieldPath::field("mots")
            .at(3)
            .then("hands")
            .at(0)
            .then("count");
        assert_eq!(p.to_string(), "mots[3].hands[0].count");
        assert_eq!(FieldPath::field("dot_budget").to_string(), "dot_budget");
        assert_eq!(FieldPath::default().to_string(), "");
        assert_eq!(p.steps().len(), 5);
    }
}
