//! Hand-written news paragraphs, raw and tokenized, one named test per splitter case. The
//! expected sentences are what a careful human editor would mark.

use nutgraf_core::segment::SentenceSplitter;

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    let got: Vec<&str> = SentenceSplitter::new()
        .split(text)
        .into_iter()
        .map(|s| &text[s.span])
        .collect();
    assert_eq!(got, expected, "\ntext: {text}");
}

#[test]
fn titles_never_end_sentences() {
    check(
        "Mr. Smith met Dr. Jones and Gen. Petraeus. Sen. Warren and Rep. Ryan were not there.",
        &[
            "Mr. Smith met Dr. Jones and Gen. Petraeus.",
            "Sen. Warren and Rep. Ryan were not there.",
        ],
    );
    check(
        "Mrs. Clinton spoke first. Prof. Ng followed.",
        &["Mrs. Clinton spoke first.", "Prof. Ng followed."],
    );
}

#[test]
fn us_inside_a_sentence() {
    check(
        "The U.S. Army said the U.S. and U.K. officials met in Washington, D.C. on Friday.",
        &["The U.S. Army said the U.S. and U.K. officials met in Washington, D.C. on Friday."],
    );
}

#[test]
fn us_at_the_end_of_a_sentence() {
    check(
        "He moved to the U.S. He was 12 at the time.",
        &["He moved to the U.S.", "He was 12 at the time."],
    );
    check(
        "Sales grew in the U.K. The company did not say why.",
        &["Sales grew in the U.K.", "The company did not say why."],
    );
}

#[test]
fn companies() {
    check(
        "Apple Inc. said it would appeal. Shares of Acme Corp. fell 3%.",
        &[
            "Apple Inc. said it would appeal.",
            "Shares of Acme Corp. fell 3%.",
        ],
    );
    check(
        "The deal was signed by Acme Inc. The price was not disclosed.",
        &[
            "The deal was signed by Acme Inc.",
            "The price was not disclosed.",
        ],
    );
}

#[test]
fn months_and_times() {
    check(
        "The attack happened on Jan. 5 at 10 a.m. local time. Police arrived at 11:30 p.m. Monday.",
        &[
            "The attack happened on Jan. 5 at 10 a.m. local time.",
            "Police arrived at 11:30 p.m. Monday.",
        ],
    );
    check(
        "The meeting ended at 4 p.m. The vote is on Feb. 12.",
        &["The meeting ended at 4 p.m.", "The vote is on Feb. 12."],
    );
}

#[test]
fn number_abbreviation() {
    check(
        "He lives at No. 10 Downing St. in London. It is No. 1 on the list.",
        &[
            "He lives at No. 10 Downing St. in London.",
            "It is No. 1 on the list.",
        ],
    );
}

#[test]
fn street_and_saint() {
    check(
        "They met in St. Louis. The office is on Main St. It opened in 2010.",
        &[
            "They met in St. Louis.",
            "The office is on Main St.",
            "It opened in 2010.",
        ],
    );
}

#[test]
fn versus() {
    check(
        "The case, Roe v. Wade, was cited. It was Arsenal vs. Chelsea on Sunday.",
        &[
            "The case, Roe v. Wade, was cited.",
            "It was Arsenal vs. Chelsea on Sunday.",
        ],
    );
}

#[test]
fn initials() {
    check(
        "J. K. Rowling wrote it. George W. Bush read it. So did E. L. James.",
        &[
            "J. K. Rowling wrote it.",
            "George W. Bush read it.",
            "So did E. L. James.",
        ],
    );
    check(
        "It was written by J.K. Rowling in 1997.",
        &["It was written by J.K. Rowling in 1997."],
    );
}

#[test]
fn decimals_and_prices() {
    check(
        "Growth was 3.5 percent. The firm lost $1.2bn, or £10.50 a share. Shares fell 0.4%.",
        &[
            "Growth was 3.5 percent.",
            "The firm lost $1.2bn, or £10.50 a share.",
            "Shares fell 0.4%.",
        ],
    );
}

#[test]
fn ellipsis_mid_sentence_and_at_the_end() {
    check(
        "He said he was ... tired of it. Then he left...",
        &["He said he was ... tired of it.", "Then he left..."],
    );
    check(
        "It was over... The crowd went home. Wait… what happened?",
        &[
            "It was over...",
            "The crowd went home.",
            "Wait… what happened?",
        ],
    );
}

#[test]
fn closing_quote_after_full_stop() {
    check(
        "\"We will win,\" he said. \"It is our time.\" Then he left.",
        &[
            "\"We will win,\" he said.",
            "\"It is our time.\"",
            "Then he left.",
        ],
    );
    check(
        "She called it “a disgrace.” Officials disagreed.",
        &["She called it “a disgrace.”", "Officials disagreed."],
    );
}

#[test]
fn bracket_after_full_stop() {
    check(
        "The plan failed. (See below.) Next, the board met.",
        &["The plan failed.", "(See below.)", "Next, the board met."],
    );
    check(
        "He won (again). Fans cheered.",
        &["He won (again).", "Fans cheered."],
    );
}

#[test]
fn question_and_exclamation() {
    check(
        "Why did it happen? Nobody knows! \"Really?\" he asked. Yes.",
        &[
            "Why did it happen?",
            "Nobody knows!",
            "\"Really?\" he asked.",
            "Yes.",
        ],
    );
}

#[test]
fn cnn_dateline_is_not_a_sentence() {
    check(
        "LONDON, England (CNN) -- Police arrested a man on Monday. He was released.",
        &[
            "LONDON, England (CNN) -- Police arrested a man on Monday.",
            "He was released.",
        ],
    );
    check(
        "(CNN) -- The storm hit Florida. It weakened.",
        &["(CNN) -- The storm hit Florida.", "It weakened."],
    );
    check(
        "(CNN)The storm hit Florida. It weakened.",
        &["(CNN)The storm hit Florida.", "It weakened."],
    );
}

#[test]
fn dateline_on_its_own_line() {
    check(
        "WASHINGTON (CNN) --\n\nThe Senate voted on Tuesday. The bill passed.",
        &[
            "WASHINGTON (CNN) --\n\nThe Senate voted on Tuesday.",
            "The bill passed.",
        ],
    );
}

#[test]
fn ptb_cased() {
    check(
        "`` We are ready , '' he said . -LRB- He was not . -RRB- The team lost 3-1 .",
        &[
            "`` We are ready , '' he said .",
            "-LRB- He was not . -RRB-",
            "The team lost 3-1 .",
        ],
    );
    check(
        "The U.S. Army 's chief spoke . It was the state 's decision .",
        &[
            "The U.S. Army 's chief spoke .",
            "It was the state 's decision .",
        ],
    );
}

#[test]
fn ptb_closing_quote_stays_with_the_sentence() {
    check(
        "he said `` it is over . '' then he left .",
        &["he said `` it is over . ''", "then he left ."],
    );
}

#[test]
fn cnndm_lowercased_ptb() {
    check(
        "new delhi ( cnn ) in an unusual public raid in india , thousands stormed a jail , \
         authorities said friday . the 35 - year - old suspect died , said l.l. doungal , a \
         police official . \" there were thousands of them . many of them were students , \" \
         doungal said .",
        &[
            "new delhi ( cnn ) in an unusual public raid in india , thousands stormed a jail , authorities said friday .",
            "the 35 - year - old suspect died , said l.l. doungal , a police official .",
            "\" there were thousands of them .",
            "many of them were students , \" doungal said .",
        ],
    );
}

#[test]
fn cnndm_closing_double_quote() {
    check(
        "she said she \" should just be silent and allow the rape . \" outrage has grown .",
        &[
            "she said she \" should just be silent and allow the rape . \"",
            "outrage has grown .",
        ],
    );
}

#[test]
fn cnndm_single_quotes() {
    check(
        "' we better suck up to them . ' the team lost . ' it is over , ' he said .",
        &[
            "' we better suck up to them . '",
            "the team lost .",
            "' it is over , ' he said .",
        ],
    );
}

#[test]
fn lowercased_raw_text() {
    check(
        "the storm hit the coast on monday. thousands were left without power. mr. smith said \
         repairs would take a week.",
        &[
            "the storm hit the coast on monday.",
            "thousands were left without power.",
            "mr. smith said repairs would take a week.",
        ],
    );
}

#[test]
fn lowercased_us() {
    check(
        "officials in the u.s. said it was over. the u.s. army agreed.",
        &[
            "officials in the u.s. said it was over.",
            "the u.s. army agreed.",
        ],
    );
}

#[test]
fn paragraphs_end_sentences() {
    let text =
        "A headline without a period\n\nThe story begins here. It goes on.\n\nA new paragraph.";
    let sentences = SentenceSplitter::new().split(text);
    let got: Vec<(&str, usize)> = sentences
        .iter()
        .map(|s| (&text[s.span.clone()], s.paragraph))
        .collect();
    assert_eq!(
        got,
        [
            ("A headline without a period", 0),
            ("The story begins here.", 1),
            ("It goes on.", 1),
            ("A new paragraph.", 2),
        ]
    );
}

#[test]
fn hard_wrapped_text_keeps_sentences_across_lines() {
    check(
        "The quick brown fox jumps over the lazy dog and then\nruns away. The quick brown fox \
         jumps over the\nlazy dog and then it runs away into the deep dark\nwoods where nobody \
         ever finds it again.",
        &[
            "The quick brown fox jumps over the lazy dog and then\nruns away.",
            "The quick brown fox jumps over the\nlazy dog and then it runs away into the deep dark\nwoods where nobody ever finds it again.",
        ],
    );
}

#[test]
fn abbreviation_before_lowercase_continues() {
    check(
        "The firm, est. in 1990, grew approx. five times. It has offices in Calif. and Fla. too.",
        &[
            "The firm, est. in 1990, grew approx. five times.",
            "It has offices in Calif. and Fla. too.",
        ],
    );
}

#[test]
fn e_g_and_i_e() {
    check(
        "Some fruits, e.g. Apples, are red. Others, i.e. Bananas, are not.",
        &[
            "Some fruits, e.g. Apples, are red.",
            "Others, i.e. Bananas, are not.",
        ],
    );
}

#[test]
fn numbers_at_sentence_end() {
    check(
        "The score was 2-1. 3,000 fans watched. The year was 2015. 2016 was better.",
        &[
            "The score was 2-1.",
            "3,000 fans watched.",
            "The year was 2015.",
            "2016 was better.",
        ],
    );
}

#[test]
fn urls_and_emails() {
    check(
        "Visit CNN.com for more. Email tips@example.com. Thanks.",
        &[
            "Visit CNN.com for more.",
            "Email tips@example.com.",
            "Thanks.",
        ],
    );
}

#[test]
fn jr_at_the_end() {
    check(
        "The speech was by Martin Luther King Jr. He gave it in 1963.",
        &[
            "The speech was by Martin Luther King Jr.",
            "He gave it in 1963.",
        ],
    );
}

#[test]
fn multiple_marks() {
    check(
        "What?! No way!!! It's true.",
        &["What?!", "No way!!!", "It's true."],
    );
}

#[test]
fn quote_inside_then_said() {
    check(
        "\"Are you sure?\" she asked. \"Yes.\" He nodded.",
        &["\"Are you sure?\" she asked.", "\"Yes.\"", "He nodded."],
    );
}

#[test]
fn single_curly_quotes() {
    check(
        "He said: ‘It is over.’ The crowd left.",
        &["He said: ‘It is over.’", "The crowd left."],
    );
}

#[test]
fn sentence_ending_with_abbreviation_and_quote() {
    check(
        "He said, \"I live in the U.S.\" Then he left.",
        &["He said, \"I live in the U.S.\"", "Then he left."],
    );
}

#[test]
fn no_final_punctuation() {
    check("The storm hit the coast", &["The storm hit the coast"]);
    check("One. Two", &["One.", "Two"]);
}

#[test]
fn whitespace_and_unicode() {
    check(
        "\u{a0} Zürich won.\u{2003}Genève lost.  ",
        &["Zürich won.", "Genève lost."],
    );
}

#[test]
fn single_newline_paragraphs() {
    let text = "First paragraph, one sentence long and quite a bit longer than the rest.\nSecond paragraph\n";
    let got: Vec<(&str, usize)> = SentenceSplitter::new()
        .split(text)
        .into_iter()
        .map(|s| (&text[s.span.clone()], s.paragraph))
        .collect();
    assert_eq!(
        got,
        [
            (
                "First paragraph, one sentence long and quite a bit longer than the rest.",
                0
            ),
            ("Second paragraph", 1),
        ]
    );
}

#[test]
fn military_ranks_and_governors() {
    check(
        "Lt. Col. John Smith and Gov. Jerry Brown spoke. Capt. Phillips did not.",
        &[
            "Lt. Col. John Smith and Gov. Jerry Brown spoke.",
            "Capt. Phillips did not.",
        ],
    );
}

#[test]
fn ptb_cased_question_with_closing_quote() {
    check(
        "`` Why now ? '' he asked . `` Because . ''",
        &["`` Why now ? '' he asked .", "`` Because . ''"],
    );
}
