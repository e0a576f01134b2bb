//! Clustering agreement measures: B-cubed precision/recall/F1 and the adjusted Rand index.

use std::collections::HashMap;

/// B-cubed precision, recall and F1 of predicted cluster labels against gold labels
/// (Bagga & Baldwin 1998; item-averaged).
pub fn bcubed(pred: &[usize], gold: &[usize]) -> (f64, f64, f64) {
    assert_eq!(pred.len(), gold.len());
    let n = pred.len();
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut joint: HashMap<(usize, usize), usize> = HashMap::new();
    let mut ps: HashMap<usize, usize> = HashMap::new();
    let mut gs: HashMap<usize, usize> = HashMap::new();
    for (&p, &g) in pred.iter().zip(gold) {
        *joint.entry((p, g)).or_default() += 1;
        *ps.entry(p).or_default() += 1;
        *gs.entry(g).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (&(pc, gc), &c) in &joint {
        // Each of the c items in this cell sees c correct items in its cluster.
        p += (c * c) as f64 / ps[&pc] as f64;
        r += (c * c) as f64 / gs[&gc] as f64;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// Adjusted Rand index (Hubert & Arabie 1985).
pub fn adjusted_rand(pred: &[usize], gold: &[usize]) -> f64 {
    assert_eq!(pred.len(), gold.len());
    let c2 = |x: usize| (x * x.saturating_sub(1)) as f64 / 2.0;
    let mut joint: HashMap<(usize, usize), usize> = HashMap::new();
    let mut ps: HashMap<usize, usize> = HashMap::new();
    let mut gs: HashMap<usize, usize> = HashMap::new();
    for (&p, &g) in pred.iter().zip(gold) {
        *joint.entry((p, g)).or_default() += 1;
        *ps.entry(p).or_default() += 1;
        *gs.entry(g).or_default() += 1;
    }
    let index: f64 = joint.values().map(|&c| c2(c)).sum();
    let a: f64 = ps.values().map(|&c| c2(c)).sum();
    let b: f64 = gs.values().map(|&c| c2(c)).sum();
    let expected = a * b / c2(pred.len()).max(1.0);
    let max = (a + b) / 2.0;
    if (max - expected).abs() < 1e-12 {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_known_values() {
        let g = [0, 0, 1, 1, 2];
        assert_eq!(bcubed(&g, &g), (1.0, 1.0, 1.0));
        assert!((adjusted_rand(&g, &g) - 1.0).abs() < 1e-12);
        // One big cluster: recall 1, precision (4/5·... ) = (2·2/5·2 + 1/5)/5.
        let (p, r, _) = bcubed(&[0, 0, 0, 0, 0], &g);
        assert!((p - 0.36).abs() < 1e-9 && r == 1.0, "{p} {r}");
        // sklearn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714
        assert!((adjusted_rand(&[0, 0, 1, 2], &[0, 0, 1, 1]) - 0.571_428_571_4).abs() < 1e-9);
    }
}
