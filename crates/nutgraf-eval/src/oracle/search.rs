//! Greedy, beam and exhaustive search over sentence sets.

use super::problem::{Op as NgramOp, Problem, State};
use super::{Objective, OracleConfig, OracleScores};
use crate::{Error, Result};

/// Scores of a state; ROUGE-L only when the problem has its LCS marks.
fn scores(p: &Problem<'_>, state: &State) -> OracleScores {
    let (rouge1, rouge2) = state.rouge12(p);
    OracleScores {
        rouge1,
        rouge2,
        rouge_l: state.rouge_l(p),
    }
}

/// Scores of a set of sentences.
pub(super) fn scores_of(p: &Problem<'_>, indices: &[usize]) -> OracleScores {
    let mut state = State::new(p);
    let mut ops = Vec::new();
    for &s in indices {
        state.add(p, s, &mut ops);
    }
    scores(p, &state)
}

/// The objective's value if `s` were added to `state`.
fn value_with(
    p: &Problem<'_>,
    state: &mut State,
    s: usize,
    objective: Objective,
    ops: &mut Vec<NgramOp>,
) -> f64 {
    if objective.needs_lcs() {
        let mut next = state.clone();
        next.add(p, s, ops);
        objective.value(&scores(p, &next))
    } else {
        let (rouge1, rouge2) = state.try_add(p, s, ops);
        objective.value(&OracleScores {
            rouge1,
            rouge2,
            ..OracleScores::default()
        })
    }
}

/// Sentences worth considering: those with at least one token.
fn usable(p: &Problem<'_>) -> Vec<usize> {
    (0..p.candidates.len())
        .filter(|&s| p.candidates[s].len > 0)
        .collect()
}

/// Greedy forward selection; stops when no sentence strictly increases the objective.
pub(super) fn greedy(p: &Problem<'_>, config: &OracleConfig) -> Vec<usize> {
    let mut state = State::new(p);
    let mut ops = Vec::new();
    let mut best = 0.0;
    let pool = usable(p);
    while state.selected.len() < config.max_sentences {
        let mut pick: Option<(usize, f64)> = None;
        for &s in &pool {
            if state.selected.binary_search(&s).is_ok() {
                continue;
            }
            let v = value_with(p, &mut state, s, config.objective, &mut ops);
            // Strictly greater: ties go to the earlier sentence.
            if pick.is_none_or(|(_, pv)| v > pv) {
                pick = Some((s, v));
            }
        }
        match pick {
            Some((s, v)) if v > best => {
                state.add(p, s, &mut ops);
                best = v;
            }
            _ => break,
        }
    }
    state.selected
}

/// Beam search: the `size` best sets of each cardinality, best set of any cardinality returned.
/// The greedy set is also a candidate, so the result is never worse than greedy's.
pub(super) fn beam(p: &Problem<'_>, config: &OracleConfig, size: usize) -> Vec<usize> {
    let pool = usable(p);
    let mut ops = Vec::new();
    let mut beams: Vec<State> = vec![State::new(p)];
    let mut best: (f64, Vec<usize>) = (0.0, Vec::new());
    for _ in 0..config.max_sentences {
        let mut expansions: Vec<(f64, Vec<usize>, usize, usize)> = Vec::new();
        for (b, state) in beams.iter_mut().enumerate() {
            for &s in &pool {
                if state.selected.binary_search(&s).is_ok() {
                    continue;
                }
                let v = value_with(p, state, s, config.objective, &mut ops);
                let mut set = state.selected.clone();
                set.insert(set.partition_point(|&x| x < s), s);
                expansions.push((v, set, b, s));
            }
        }
        if expansions.is_empty() {
            break;
        }
        // Best first; ties by the set itself, so the result does not depend on beam order.
        expansions.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        expansions.dedup_by(|a, b| a.1 == b.1);
        expansions.truncate(size);
        if expansions[0].0 > best.0 {
            best = (expansions[0].0, expansions[0].1.clone());
        }
        beams = expansions
            .iter()
            .map(|&(_, _, b, s)| {
                let mut next = beams[b].clone();
                next.add(p, s, &mut ops);
                next
            })
            .collect();
    }
    let greedy_set = greedy(p, config);
    let greedy_value = config.objective.value(&scores_of(p, &greedy_set));
    if greedy_value > best.0 {
        return greedy_set;
    }
    best.1
}

/// Number of subsets of at most `k` of `n` items, saturating.
fn subsets(n: usize, k: usize) -> u64 {
    let mut total: u64 = 0;
    let mut c: u64 = 1; // C(n, 0)
    for i in 1..=k.min(n) {
        c = c.saturating_mul((n - i + 1) as u64) / i as u64;
        total = total.saturating_add(c);
    }
    total
}

/// Every subset of at most `max_sentences` usable sentences.
pub(super) fn exhaustive(
    p: &Problem<'_>,
    config: &OracleConfig,
    max_subsets: u64,
) -> Result<Vec<usize>> {
    let pool = usable(p);
    let count = subsets(pool.len(), config.max_sentences);
    if count > max_subsets {
        return Err(Error::TooManySubsets {
            sentences: pool.len(),
            subsets: count,
            max_sentences: config.max_sentences,
            max_subsets,
        });
    }
    let mut best = (0.0, Vec::new());
    let mut ops = Vec::new();
    let mut stack = vec![(State::new(p), 0usize)];
    // Depth-first over subsets in lexicographic order; a state is extended only by later
    // sentences, so each subset is visited once.
    while let Some((state, from)) = stack.pop() {
        for i in (from..pool.len()).rev() {
            let mut next = state.clone();
            next.add(p, pool[i], &mut ops);
            let v = config.objective.value(&scores(p, &next));
            if v > best.0 || (v == best.0 && !best.1.is_empty() && next.selected < best.1) {
                best = (v, next.selected.clone());
            }
            if next.selected.len() < config.max_sentences {
                stack.push((next, i + 1));
            }
        }
    }
    Ok(best.1)
}
