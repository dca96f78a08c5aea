//! The charge sheet at the top of a case report, at a terminal or in Markdown: the charges
//! gravest first, the court and whether it may try them together, the agencies, the victim's
//! protections and the questions that would change the most. Reads the JSON wire structs.

use super::json::{ChargeReport, ChargeSheetReport, DecisiveReport, Named, Status, TrialReport};
use super::text::{Style, heading, lines, new_table, prose};
use crate::i18n::{tr, trf};
use crate::resolve::JointTrial;

/// How many things a decisive question's answer would decide are named before the rest are
/// counted.
const AFFECTS_SHOWN: usize = 4;

/// Appends the charge sheet.
pub(super) fn render(out: &mut String, sheet: &ChargeSheetReport, style: Style) {
    heading(out, style, 2, tr("Charge sheet"));
    if sheet.charges.is_empty() {
        prose(out, style, tr("No section applies on these facts."));
    } else {
        let mut table = new_table(
            style,
            &[
                tr("Charge"),
                tr("Penalty"),
                tr("Procedure"),
                tr("Court and agency"),
            ],
        );
        for charge in &sheet.charges {
            table.add_row(charge_row(charge, style));
        }
        out.push_str(&format!("{table}\n\n"));
    }
    if let Some(trial) = &sheet.trial {
        prose(out, style, &trial_sentence(trial));
    }
    if let Some(lead) = &sheet.lead_agency {
        prose(
            out,
            style,
            &agencies_sentence(lead, &sheet.supporting_agencies),
        );
    }
    if !sheet.protections.is_empty() {
        prose(out, style, &protections_sentence(sheet));
    }
    if !sheet.decisive.is_empty() {
        prose(out, style, tr("The answers that would change the most:"));
        for (index, question) in sheet.decisive.iter().enumerate() {
            prose(out, style, &decisive_line(index + 1, question));
        }
    }
    if style == Style::Terminal {
        out.push('\n');
    }
}

fn charge_row(charge: &ChargeReport, style: Style) -> Vec<String> {
    let procedure = charge
        .procedure
        .as_ref()
        .map_or_else(String::new, procedure_text);
    vec![
        lines(style, &[charge.citation.clone(), charge.heading.clone()]),
        charge.penalty.clone().unwrap_or_default(),
        procedure,
        lines(style, &[names(&charge.court), names(&charge.agency)]),
    ]
}

/// Cognizable, bailable, compoundable, and the complaint or sanction without which no court
/// takes cognizance, where the law requires one: it decides whether the charge can proceed.
pub(super) fn procedure_text(procedure: &super::json::ProcedureReport) -> String {
    let mut text = crate::statute::procedure_text(
        procedure.cognizable,
        procedure.bailable,
        procedure.compoundable,
    );
    if let Some(cognizance) = &procedure.cognizance {
        text = trf(
            "{words}; cognizance {cognizance}",
            &[("words", &text), ("cognizance", cognizance)],
        );
    }
    text
}

/// `Court of Session`, or `Magistrate or Court of Session` when a fact leaves it open.
fn names(named: &[Named]) -> String {
    named
        .iter()
        .map(|n| n.name)
        .collect::<Vec<_>>()
        .join(tr(" or "))
}

fn trial_sentence(trial: &TrialReport) -> String {
    let joint = match trial.joint_trial {
        JointTrial::Together => tr("Tried together"),
        JointTrial::Separately => tr("Tried separately"),
        // The reason of an open joint trial ends by saying it is open: say it once.
        JointTrial::Open => tr("Joint trial"),
    };
    let sentence = trf(
        "Court for the case: {court}. {joint}: {reason}.",
        &[
            ("court", trial.court.name),
            ("joint", joint),
            ("reason", &trial.reason),
        ],
    );
    match &trial.later {
        Some(later) => format!(
            "{sentence} {}",
            trf(
                "Or the {court}: {reason}.",
                &[("court", later.court.name), ("reason", &later.reason)],
            )
        ),
        None => sentence,
    }
}

fn agencies_sentence(lead: &Named, supporting: &[Named]) -> String {
    let mut sentence = trf("Investigation: {agency} (lead)", &[("agency", lead.name)]);
    for agency in supporting {
        sentence.push_str(&trf(", {agency} (supporting)", &[("agency", agency.name)]));
    }
    sentence + tr(".")
}

/// The protections by citation: those the victim has, then those the victim may have.
fn protections_sentence(sheet: &ChargeSheetReport) -> String {
    let with_status = |status: Status| {
        sheet
            .protections
            .iter()
            .filter(|p| p.status == status)
            .map(|p| p.citation.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (has, may) = (with_status(Status::Applies), with_status(Status::MayApply));
    match (has.is_empty(), may.is_empty()) {
        (false, false) => trf(
            "Victim's protections: {has}; on facts not given: {may}.",
            &[("has", &has), ("may", &may)],
        ),
        (false, true) => trf("Victim's protections: {has}.", &[("has", &has)]),
        _ => trf(
            "Victim's protections, on facts not given: {may}.",
            &[("may", &may)],
        ),
    }
}

/// The sections an answer decides, as a handout lists them: the first few by citation, then
/// how many more, so that a fact deciding thirty sections stays one line.
pub(super) fn affects_shown(question: &DecisiveReport) -> Vec<String> {
    let mut affects: Vec<String> = (question.affects_cited.iter())
        .take(AFFECTS_SHOWN)
        .cloned()
        .collect();
    let more = question.affects_cited.len().saturating_sub(AFFECTS_SHOWN);
    if more > 0 {
        affects.push(trf("{n} more", &[("n", &more.to_string())]));
    }
    affects
}

fn decisive_line(number: usize, question: &DecisiveReport) -> String {
    let affects = affects_shown(question);
    let decides = if affects.is_empty() {
        String::new()
    } else {
        trf(
            " It decides {sections}.",
            &[("sections", &affects.join(", "))],
        )
    };
    format!(
        "{number}. {} (`{}`){decides}",
        question.question, question.fact
    )
}
