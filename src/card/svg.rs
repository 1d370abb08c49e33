//! The map as SVG, for print and for zooming in without blur. It is generated straight from the graph and
//! its settled positions (not from egui's triangles), so lines stay lines, circles stay circles and every
//! label is real text. Like the PNG card it carries a title, the export date, the headline counts, the
//! legend and the footer; whatever data it is given (redacted or not) is exactly what it shows.

use super::draw::{FOOTER, headline, title};
use crate::graph::{EdgeKind, NodeKind};
use crate::palette;
use crate::pipeline::Loaded;
use std::fmt::Write;

/// Escape text for XML character data and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0 at all.
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const HEADER: f32 = 110.0;
const FOOTER_HEIGHT: f32 = 34.0;
const MARGIN: f32 = 40.0;

/// An SVG document of `size` (width, height) user units, drawn in the light theme.
pub fn graph_svg(loaded: &Loaded, size: [f32; 2]) -> String {
    let [w, h] = size;
    let g = &loaded.graph.graph;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="Ubuntu, 'Helvetica Neue', Arial, sans-serif">
<rect width="100%" height="100%" fill="#f8f8f8"/>"##
    );
    let (friends, companies, partners) = headline(loaded);
    let _ = writeln!(
        s,
        r##"<text x="{MARGIN}" y="42" font-size="26" font-weight="bold" fill="#111">{}</text>"##,
        escape(&title(loaded))
    );
    if let Some(date) = &loaded.map.export_date {
        let _ = writeln!(
            s,
            r##"<text x="{}" y="42" font-size="14" fill="#666" text-anchor="end">Facebook export of {}</text>"##,
            w - MARGIN,
            escape(date)
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="{MARGIN}" y="68" font-size="16" fill="#222">{friends} friends · {companies} companies · {partners} historic data partners</text>"##
    );
    // Legend: one dot per category that has members, then the partner ring.
    let (mut x, mut y) = (MARGIN, 90.0);
    // Roughly 7 units per character at size 13: enough to wrap the legend before it runs off the page.
    let place = |x: &mut f32, y: &mut f32, chars: usize| {
        let width = 26.0 + 7.0 * chars as f32;
        if *x > MARGIN && *x + width > w - MARGIN {
            *x = MARGIN;
            *y += 22.0;
        }
        let at = *x;
        *x += width;
        at
    };
    for (category, count) in loaded.graph.category_counts() {
        let label = escape(&format!("{} {count}", category.label()));
        let x = place(&mut x, &mut y, label.chars().count());
        let _ = writeln!(
            s,
            r##"<circle cx="{}" cy="{y}" r="6" fill="{}"/><text x="{}" y="{}" font-size="13" fill="#222">{label}</text>"##,
            x + 6.0,
            palette::category(category, false).hex(),
            x + 16.0,
            y + 5.0
        );
    }
    let x = place(&mut x, &mut y, 21);
    let _ = writeln!(
        s,
        r##"<circle cx="{}" cy="{y}" r="6" fill="none" stroke="#111" stroke-width="1.8"/><text x="{}" y="{}" font-size="13" fill="#222">Historic data partner</text>"##,
        x + 6.0,
        x + 16.0,
        y + 5.0
    );
    let header = HEADER + (y - 90.0);

    // Fit the settled layout into the space between header and footer.
    let (mut min, mut max) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
    for p in &loaded.positions {
        for k in 0..2 {
            min[k] = min[k].min(p[k]);
            max[k] = max[k].max(p[k]);
        }
    }
    let area = [MARGIN, header + 10.0, w - MARGIN, (h - FOOTER_HEIGHT - 10.0).max(header + 20.0)];
    let span = [(max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0)];
    let zoom = ((area[2] - area[0]) / span[0]).min((area[3] - area[1]) / span[1]).clamp(0.01, 10.0);
    let centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
    let at = |i: usize| -> Option<(f32, f32)> {
        let p = loaded.positions.get(i)?;
        let x = (area[0] + area[2]) / 2.0 + (p[0] - centre[0]) * zoom;
        let y = (area[1] + area[3]) / 2.0 + (p[1] - centre[1]) * zoom;
        (x.is_finite() && y.is_finite()).then_some((x, y))
    };

    let edge = palette::edge(false);
    let _ = writeln!(s, r#"<g stroke="{}" stroke-opacity="0.35" stroke-linecap="round">"#, edge.hex());
    for e in g.edge_indices() {
        let Some((a, b)) = g.edge_endpoints(e) else { continue };
        let (Some(pa), Some(pb)) = (at(a.index()), at(b.index())) else { continue };
        let width = match g[e] {
            EdgeKind::Membership if a == loaded.graph.owner || b == loaded.graph.owner => 2.0,
            EdgeKind::AlsoVia => 0.6,
            _ => 1.0,
        };
        let _ = writeln!(
            s,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke-width="{width}"/>"#,
            pa.0, pa.1, pb.0, pb.1
        );
    }
    s.push_str("</g>\n<g>\n");
    let mut labels = String::new();
    for n in g.node_indices() {
        let Some((x, y)) = at(n.index()) else { continue };
        let node = &g[n];
        let degree = g.neighbors(n).count() as f32;
        let (r, font, weight) = match node.kind {
            NodeKind::Owner => (14.0, 15.0, "bold"),
            NodeKind::Hub => (9.0, 12.0, "bold"),
            _ => (3.5 + degree.ln_1p().min(3.0), 5.0, "normal"),
        };
        let _ = writeln!(
            s,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{}" stroke="#ffffff" stroke-width="0.8"/>"##,
            palette::category(node.category, false).hex()
        );
        if node.partner {
            let _ = writeln!(
                s,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="none" stroke="#111" stroke-width="1.2"/>"##,
                r + 2.0
            );
        }
        let _ = writeln!(
            labels,
            r##"<text x="{x:.1}" y="{:.1}" font-size="{font}" font-weight="{weight}" fill="#111" text-anchor="middle">{}</text>"##,
            y + r + font + 1.0,
            escape(&node.label)
        );
    }
    s.push_str("</g>\n<g>\n");
    s.push_str(&labels);
    s.push_str("</g>\n");
    let _ =
        writeln!(s, r##"<text x="{MARGIN}" y="{}" font-size="13" fill="#666">{}</text>"##, h - 14.0, escape(FOOTER));
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(super::escape("A & <B> \"c\""), "A &amp; &lt;B&gt; &quot;c&quot;");
    }
}
