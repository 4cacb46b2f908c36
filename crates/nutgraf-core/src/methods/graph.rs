//! Sentence similarity graphs and the power method, shared by TextRank, LexRank and PacSum.
//!
//! # Which pairs are compared
//!
//! All three methods use similarities that are zero for two sentences without a common term
//! (word overlap, cosine), so the graph is built from an inverted index ([`Postings`]): only
//! pairs that share a term are scored. Up to [`GraphLimits::exact_limit`] sentences this is
//! exact. Above it, a document with a very common term would still need a quadratic number
//! of pairs, so each sentence is compared only with the next [`GraphLimits::posting_window`]
//! sentences of each of its terms' posting lists (the nearest later sentences that use the
//! term). That bounds the work by `nnz × window` pairs while keeping every edge between
//! nearby sentences that share a rare or a common term.

use super::Explanation;
use crate::analysis::Analyzed;
use crate::features::Postings;

/// Bounds on the pairs compared when building a similarity graph (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct GraphLimits {
    /// Up to this many sentences, every pair sharing a term is compared.
    pub exact_limit: usize,
    /// Above `exact_limit`, per term, how many following postings each sentence is paired with.
    pub posting_window: usize,
}

/// An undirected weighted graph, each edge stored once: node `i`'s row holds its neighbours
/// `j > i`, sorted by `j`, with their weights, only positive ones (compressed rows, no per-node
/// vector), and `self_loops[i]` a weight where a method adds one (0 = none).
///
/// Weights are `f64` (12 bytes an edge) when every pair sharing a term was compared, and `f32`
/// (8 bytes an edge) above [`GraphLimits::exact_limit`], where the graph is already an
/// approximation (the posting window) and its edges are most of the memory: about 40 M of them
/// on a 50 MB document. News articles are far below the limit, so their scores are unaffected.
///
/// Sums over a node's neighbours must keep the order of its sorted adjacency list (`j < i`
/// ascending, then `i` itself, then `j > i` ascending) for the results to stay bit for bit the
/// same: [`Graph::fold`] visits them in that order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    /// `offsets[i]..offsets[i + 1]` is the slice of `cols` and the weights of node `i`.
    offsets: Vec<usize>,
    cols: Vec<u32>,
    weights: Weights,
    self_loops: Vec<f64>,
}

/// Edge weights, exact or compact (see [`Graph`]).
#[derive(Debug, Clone)]
enum Weights {
    Exact(Vec<f64>),
    Compact(Vec<f32>),
}

impl Default for Weights {
    fn default() -> Weights {
        Weights::Exact(Vec::new())
    }
}

impl Graph {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of undirected edges, self-loops excluded.
    pub fn n_edges(&self) -> usize {
        self.cols.len()
    }

    /// Calls `f` with the weight of every edge (self-loops excluded).
    pub fn for_each_weight(&self, mut f: impl FnMut(f64)) {
        match &self.weights {
            Weights::Exact(w) => w.iter().for_each(|&w| f(w)),
            Weights::Compact(w) => w.iter().for_each(|&w| f(f64::from(w))),
        }
    }

    /// Gives node `i` a self-loop of weight `w` (`w > 0`).
    pub fn set_self_loop(&mut self, i: usize, w: f64) {
        if self.self_loops.is_empty() {
            self.self_loops = vec![0.0; self.len()];
        }
        self.self_loops[i] = w;
    }

    /// For every node `i`, `f` folded from `init` over its neighbours `(j, weight)` in the
    /// order of its sorted adjacency list (self-loop included), i.e. exactly what
    /// `adj[i].iter().fold(init, …)` over sorted lists gives. `out` (one entry per node) gets
    /// the results; nodes are finished in increasing order, and `finish(i, value)` is called as
    /// each one is.
    pub fn fold<T: Copy>(
        &self,
        init: T,
        out: &mut Vec<T>,
        f: impl FnMut(T, usize, usize, f64) -> T,
        finish: impl FnMut(usize, T),
    ) {
        match &self.weights {
            Weights::Exact(w) => self.fold_over(w, init, out, f, finish),
            Weights::Compact(w) => self.fold_over(w, init, out, f, finish),
        }
    }

    /// [`Graph::fold`] over one representation of the weights.
    fn fold_over<T: Copy, W: Copy + Into<f64>>(
        &self,
        weights: &[W],
        init: T,
        out: &mut Vec<T>,
        mut f: impl FnMut(T, usize, usize, f64) -> T,
        mut finish: impl FnMut(usize, T),
    ) {
        let n = self.len();
        out.clear();
        out.resize(n, init);
        for i in 0..n {
            // out[i] holds the fold over the neighbours j < i (added as rows j were visited).
            let mut acc = out[i];
            if let Some(&w) = self.self_loops.get(i) {
                if w > 0.0 {
                    acc = f(acc, i, i, w);
                }
            }
            let r = self.offsets[i]..self.offsets[i + 1];
            for (&j, &w) in self.cols[r.clone()].iter().zip(&weights[r]) {
                let w: f64 = w.into();
                acc = f(acc, i, j as usize, w);
                let j = j as usize;
                out[j] = f(out[j], j, i, w);
            }
            out[i] = acc;
            finish(i, acc);
        }
    }
}

/// Appends to `neigh` the sentences `j > i` that sentence `i` shares a term with (under the
/// window), ascending. `cursor` and `stamp` carry the state between consecutive sentences.
fn candidates_of(
    i: usize,
    terms: &[u32],
    postings: &Postings,
    window: usize,
    cursor: &mut [usize],
    stamp: &mut [usize],
    neigh: &mut Vec<u32>,
) {
    neigh.clear();
    for &t in terms {
        let list = postings.get(t);
        let pos = cursor[t as usize];
        if list.get(pos) != Some(&(i as u32)) {
            continue; // a repeated term of this sentence: already handled
        }
        cursor[t as usize] += 1;
        let end = list.len().min(pos.saturating_add(1).saturating_add(window));
        for &j in &list[pos + 1..end] {
            if stamp[j as usize] != i + 1 {
                stamp[j as usize] = i + 1;
                neigh.push(j);
            }
        }
    }
    neigh.sort_unstable();
}

/// Calls `each(i, neighbours)` for every sentence `i`, in order, with the sentences `j > i` it
/// shares a term with (under `limits`), ascending. Every pair appears once, under its smaller
/// index; one sentence's list is held at a time.
fn for_each_candidates(doc: &Analyzed, limits: GraphLimits, mut each: impl FnMut(usize, &[u32])) {
    let n = doc.len();
    let postings = Postings::new(doc);
    let window = if n <= limits.exact_limit {
        usize::MAX
    } else {
        limits.posting_window.max(1)
    };
    // Sentences are visited in order, so sentence i is at position cursor[t] of postings(t).
    let mut cursor = vec![0usize; postings.n_terms()];
    // stamp[j] == i + 1 marks j as already collected for sentence i (dedup without hashing).
    let mut stamp = vec![0usize; n];
    let mut neigh = Vec::new();
    for (i, terms) in doc.sentences.iter().enumerate() {
        candidates_of(
            i,
            terms,
            &postings,
            window,
            &mut cursor,
            &mut stamp,
            &mut neigh,
        );
        each(i, &neigh);
    }
}

/// For every sentence `i`, the sentences `j > i` it shares a term with (under `limits`),
/// ascending. Every pair appears once, under its smaller index.
#[cfg(test)]
pub(crate) fn candidate_pairs(doc: &Analyzed, limits: GraphLimits) -> Vec<Vec<u32>> {
    let mut out = Vec::with_capacity(doc.len());
    for_each_candidates(doc, limits, |_, neigh| out.push(neigh.to_vec()));
    out
}

/// Builds the graph whose edge `{i, j}` has weight `sim(i, j)` for every candidate pair
/// (see [`for_each_candidates`]); non-positive or non-finite weights are dropped.
pub(crate) fn similarity_graph(
    doc: &Analyzed,
    limits: GraphLimits,
    mut sim: impl FnMut(usize, usize) -> f64,
) -> Graph {
    let mut offsets = Vec::with_capacity(doc.len() + 1);
    offsets.push(0);
    let mut cols = Vec::new();
    let mut exact = Vec::new();
    let mut compact = Vec::new();
    let is_exact = doc.len() <= limits.exact_limit;
    for_each_candidates(doc, limits, |i, neigh| {
        for &j in neigh {
            let w = sim(i, j as usize);
            if is_exact {
                if w > 0.0 && w.is_finite() {
                    exact.push(w);
                    cols.push(j);
                }
            } else {
                // A weight positive in f64 but 0 in f32 (below 1e-45) is dropped too.
                let w = w as f32;
                if w > 0.0 && w.is_finite() {
                    compact.push(w);
                    cols.push(j);
                }
            }
        }
        offsets.push(cols.len());
    });
    cols.shrink_to_fit();
    let weights = if is_exact {
        exact.shrink_to_fit();
        Weights::Exact(exact)
    } else {
        compact.shrink_to_fit();
        Weights::Compact(compact)
    };
    Graph {
        offsets,
        cols,
        weights,
        self_loops: Vec::new(),
    }
}

/// Weighted PageRank by the power method:
/// `r(i) = (1 - d) / n + d · Σ_j w(j, i) / W(j) · r(j)` with `W(j)` the total weight out of
/// `j`. A node without edges only keeps the teleport mass (as in Mihalcea & Tarau's formula;
/// its rank is not redistributed). Stops when the L1 change falls below `tolerance` or after
/// `max_iterations` rounds. The result sums to at most 1, is deterministic and finite.
pub(crate) fn pagerank(
    graph: &Graph,
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let mut out_weight = Vec::with_capacity(n);
    graph.fold(0.0, &mut out_weight, |acc, _, _, w| acc + w, |_, _| {});
    let base = (1.0 - damping) / n as f64;
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = Vec::with_capacity(n);
    let mut share = vec![0.0; n];
    for _ in 0..max_iterations {
        for j in 0..n {
            share[j] = if out_weight[j] > 0.0 {
                rank[j] / out_weight[j]
            } else {
                0.0
            };
        }
        let mut delta = 0.0;
        // The graph is undirected, so the in-edges of i are its neighbours; `next` first
        // holds each node's inflow, then its new rank.
        graph.fold(
            0.0,
            &mut next,
            |acc, _, j, w| acc + w * share[j],
            |i, inflow| delta += (base + damping * inflow - rank[i]).abs(),
        );
        for v in next.iter_mut() {
            *v = base + damping * *v;
        }
        std::mem::swap(&mut rank, &mut next);
        if delta < tolerance {
            break;
        }
    }
    rank
}

/// Per node: `rank` (its value in `ranks`), `degree` (neighbours other than itself) and
/// `similarity` (sum of the weights of those edges).
pub(crate) fn explain_graph(graph: &Graph, ranks: &[f64]) -> Vec<Explanation> {
    let mut sums = Vec::with_capacity(graph.len());
    graph.fold(
        (0usize, 0.0),
        &mut sums,
        |(d, s), i, j, w| if i == j { (d, s) } else { (d + 1, s + w) },
        |_, _| {},
    );
    sums.iter()
        .enumerate()
        .map(|(i, &(degree, similarity))| {
            Explanation::of([
                ("rank", ranks.get(i).copied().unwrap_or(0.0)),
                ("degree", degree as f64),
                ("similarity", similarity),
            ])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::test_doc as doc;

    const EXACT: GraphLimits = GraphLimits {
        exact_limit: usize::MAX,
        posting_window: 1,
    };

    #[test]
    fn pairs_share_a_term_and_are_unique() {
        let d = doc(vec![vec![0, 1], vec![1, 1, 2], vec![3], vec![0, 2]]);
        let pairs = candidate_pairs(&d, EXACT);
        assert_eq!(pairs, vec![vec![1, 3], vec![3], vec![], vec![]]);
    }

    #[test]
    fn window_limits_pairs_above_the_exact_limit() {
        // Term 0 is in every sentence: with window 1 only consecutive sentences are paired.
        let d = doc(vec![vec![0]; 5]);
        let limits = GraphLimits {
            exact_limit: 2,
            posting_window: 1,
        };
        let pairs = candidate_pairs(&d, limits);
        assert_eq!(pairs, vec![vec![1], vec![2], vec![3], vec![4], vec![]]);
        assert_eq!(candidate_pairs(&d, EXACT)[0], vec![1, 2, 3, 4]);
    }

    #[test]
    fn pagerank_prefers_the_hub_and_converges() {
        // A star: node 0 is linked to 1, 2, 3, which are not linked to each other.
        let d = doc(vec![vec![0, 1, 2], vec![0], vec![1], vec![2]]);
        let g = similarity_graph(&d, EXACT, |_, _| 1.0);
        assert_eq!(g.n_edges(), 3);
        let r = pagerank(&g, 0.85, 1e-12, 1000);
        assert!(r[0] > r[1] && (r[1] - r[2]).abs() < 1e-9);
        let total: f64 = r.iter().sum();
        assert!(
            (total - 1.0).abs() < 1e-9,
            "no dangling node, so mass is kept: {total}"
        );
        // Known closed form for a star with 3 leaves: r0 = (1-d)/4 + d·3·r_leaf, r_leaf = (1-d)/4 + d·r0/3.
        let leaf = (0.15 / 4.0 + 0.85 * r[0] / 3.0) - r[1];
        assert!(leaf.abs() < 1e-9);
    }

    #[test]
    fn compact_weights_above_the_exact_limit_rank_alike() {
        // The same pairs (a window wider than any posting list), f64 weights or f32 ones.
        let d = doc((0..60u32)
            .map(|i| vec![i % 7, i % 11, 20 + i % 5])
            .collect());
        let sim = |i: usize, j: usize| 1.0 / (1.0 + (i as f64 - j as f64).abs()).sqrt();
        let compact = GraphLimits {
            exact_limit: 10,
            posting_window: 1000,
        };
        let (a, b) = (
            similarity_graph(&d, EXACT, sim),
            similarity_graph(&d, compact, sim),
        );
        assert!(matches!(a.weights, Weights::Exact(_)) && matches!(b.weights, Weights::Compact(_)));
        assert_eq!(a.n_edges(), b.n_edges());
        let (ra, rb) = (
            pagerank(&a, 0.85, 1e-12, 1000),
            pagerank(&b, 0.85, 1e-12, 1000),
        );
        for (x, y) in ra.iter().zip(&rb) {
            assert!((x - y).abs() <= 1e-6 * x.abs(), "{x} vs {y}");
        }
        let mut sum = 0.0;
        b.for_each_weight(|w| sum += w);
        assert!(sum > 0.0);
    }
}
