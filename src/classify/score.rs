//! Turning evidence into one category.
//!
//! A category's score is its own evidence plus the evidence for its party
//! (who writes the mail), the latter counted only when the category has
//! evidence of its own: knowing a carrier wrote says nothing about *what*
//! it says. The best score wins when it reaches [`MIN_SCORE`]; otherwise the
//! mail is `other`. When several categories of the winner's party are
//! clearly present, the one that needs the stronger action wins (SPEC §1).

use crate::domain::{Category, Party};

use super::rules::{Evidence, Flag, Target};

/// Below this nothing is recognised and the mail is `other`.
pub const MIN_SCORE: f32 = 2.0;
/// A rival within this share of the best score is "clearly present" too.
const RIVAL_SHARE: f32 = 0.6;
/// Flag evidence at or above this raises the flag.
const FLAG_SCORE: f32 = 1.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub category: Category,
    pub confidence: f32,
    pub decisive: bool,
    pub scores: Vec<(Category, f32)>,
    pub injection: bool,
}

/// Strongest action first, within each party (SPEC §1: "the one that needs
/// the stronger action wins").
fn strength(c: Category) -> u8 {
    use Category::*;
    match c {
        CustomerCancelOrReturn => 0,
        CustomerAddressChange => 1,
        CustomerReschedule => 2,
        CustomerComplaint => 3,
        CustomerWismo => 4,
        CarrierDamagedOrLost => 0,
        CarrierReturnedToSender => 1,
        CarrierCustomsHold => 2,
        CarrierAddressIssue => 3,
        CarrierDeliveryFailed => 4,
        CarrierDelay => 5,
        SupplierOutOfStock => 0,
        SupplierPartialShipment => 1,
        SupplierDelay => 2,
        Other => 9,
    }
}

pub fn score(evidence: &[Evidence]) -> Scored {
    let mut own = [0f32; 15];
    let mut party = [0f32; 4];
    let mut injection = 0f32;
    for e in evidence {
        match e.target {
            Target::Category(c) => own[c.index()] += e.weight,
            Target::Party(p) => party[party_index(p)] += e.weight,
            Target::Flag(Flag::Injection) => injection += e.weight,
        }
    }
    let mut scores: Vec<(Category, f32)> = Category::ALL
        .into_iter()
        .filter(|c| own[c.index()] > 0.0)
        .map(|c| (c, own[c.index()] + party[party_index(c.party())]))
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(strength(a.0).cmp(&strength(b.0))));
    let top = scores.first().map(|s| s.1).unwrap_or(0.0);
    let category = if top < MIN_SCORE { Category::Other } else { strongest_rival(&scores, top) };
    let winner = scores.iter().find(|s| s.0 == category).map(|s| s.1).unwrap_or(0.0);
    let second = scores.iter().filter(|s| s.0 != category).map(|s| s.1).fold(0f32, f32::max);
    let confidence = if category == Category::Other && top < MIN_SCORE {
        // Nothing recognised: sure only that no rule spoke up.
        0.5
    } else {
        (winner / (winner + second.max(0.0) + 1.0)).clamp(0.0, 1.0)
    };
    Scored {
        category,
        confidence,
        decisive: winner >= 2.0 * MIN_SCORE && confidence >= 0.6,
        scores,
        injection: injection >= FLAG_SCORE,
    }
}

/// Among categories of the leader's party scoring close to the top, the one
/// needing the stronger action.
fn strongest_rival(scores: &[(Category, f32)], top: f32) -> Category {
    let leader = scores[0].0;
    scores
        .iter()
        .filter(|(c, s)| c.party() == leader.party() && *s >= MIN_SCORE && *s >= top * RIVAL_SHARE)
        .min_by_key(|(c, _)| strength(*c))
        .map(|(c, _)| *c)
        .unwrap_or(leader)
}

fn party_index(p: Party) -> usize {
    match p {
        Party::Carrier => 0,
        Party::Supplier => 1,
        Party::Customer => 2,
        Party::Anyone => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::rules::Field;

    fn ev(target: Target, weight: f32) -> Evidence {
        Evidence { rule: "r".into(), target, weight, field: Field::Body, matched: String::new() }
    }
    fn cat(c: Category, w: f32) -> Evidence {
        ev(Target::Category(c), w)
    }

    #[test]
    fn no_evidence_means_other() {
        let s = score(&[]);
        assert_eq!(s.category, Category::Other);
        assert!(!s.decisive);
        assert!(!s.injection);
    }

    #[test]
    fn weak_evidence_below_the_threshold_means_other() {
        assert_eq!(score(&[cat(Category::CustomerWismo, 1.5)]).category, Category::Other);
    }

    #[test]
    fn party_evidence_breaks_a_tie_but_never_creates_a_category() {
        let s = score(&[
            cat(Category::CarrierDeliveryFailed, 3.0),
            cat(Category::CustomerComplaint, 3.0),
            ev(Target::Party(Party::Customer), 2.0),
        ]);
        assert_eq!(s.category, Category::CustomerComplaint);
        assert!(s.scores.iter().all(|(c, _)| c.party() != Party::Customer || *c == Category::CustomerComplaint));
        assert_eq!(score(&[ev(Target::Party(Party::Carrier), 9.0)]).category, Category::Other);
    }

    #[test]
    fn a_complaint_that_asks_for_a_refund_is_a_return() {
        let s = score(&[cat(Category::CustomerComplaint, 5.0), cat(Category::CustomerCancelOrReturn, 3.5)]);
        assert_eq!(s.category, Category::CustomerCancelOrReturn);
    }

    #[test]
    fn a_wismo_that_gives_a_new_address_is_an_address_change() {
        let s = score(&[cat(Category::CustomerWismo, 4.0), cat(Category::CustomerAddressChange, 3.0)]);
        assert_eq!(s.category, Category::CustomerAddressChange);
    }

    #[test]
    fn a_faint_rival_does_not_steal_the_win() {
        let s = score(&[cat(Category::CustomerWismo, 8.0), cat(Category::CustomerCancelOrReturn, 2.0)]);
        assert_eq!(s.category, Category::CustomerWismo);
    }

    #[test]
    fn injection_evidence_raises_the_flag_whatever_the_category() {
        let s = score(&[cat(Category::CustomerWismo, 4.0), ev(Target::Flag(Flag::Injection), 3.0)]);
        assert!(s.injection);
        assert_eq!(s.category, Category::CustomerWismo);
    }

    #[test]
    fn clear_evidence_is_decisive_and_close_calls_are_not() {
        assert!(score(&[cat(Category::CarrierDelay, 6.0)]).decisive);
        assert!(!score(&[cat(Category::CarrierDelay, 4.0), cat(Category::CustomerWismo, 3.5)]).decisive);
    }
}
