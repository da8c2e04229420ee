// The built-in engine's reading of a question (what kind of answer it wants, which words it
// asks with, its parts) and its choice of sentence, on a table of questions in every supported
// language, without a database: passages are made up here, words weigh the same.
import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../lib/chat/answer/question";
import { evidenceFrom } from "../../lib/chat/answer/evidence";
import { selectAnswers } from "../../lib/chat/answer/select";
import { composeReply } from "../../lib/chat/answer/compose";
import type { SearchHit } from "../../lib/knowledge/search";

describe("what a question asks for", () => {
  it.each([
    ["What is the boiling point of Korvath coolant?", "other", ["boiling", "point", "korvath", "coolant"]],
    ["How many arches does the Ilvenmark Bridge have?", "quantity", ["arches", "ilvenmark", "bridge"]],
    ["How much does a ticket cost?", "quantity", ["ticket", "cost"]],
    ["When was the Saddra Museum of Tides founded?", "date", ["saddra", "museum", "tides", "founded"]],
    ["What year did the ferry start?", "year", ["ferry", "start"]],
    ["Who designed the Ilvenmark Bridge?", "person", ["designed", "ilvenmark", "bridge"]],
    ["Where is the Saddra Museum?", "place", ["saddra", "museum"]],
    ["Is the museum open on Mondays?", "yesno", ["museum", "open", "mondays"]],
    ["¿Cuántos empleados tiene la cooperativa Velmora?", "quantity", ["empleados", "cooperativa", "velmora"]],
    ["¿Cuándo se fundó la cooperativa?", "date", ["fundó", "cooperativa"]],
    ["Qui a conçu le pont d'Arvelle ?", "person", ["conçu", "pont", "d'arvelle"]],
    ["Où se trouve le café Lumen ?", "place", ["trouve", "café", "lumen"]],
    ["Wann wurde die Brücke eröffnet?", "date", ["brücke", "eröffnet"]],
    ["Wie viele Bögen hat die Brücke?", "quantity", ["bögen", "brücke"]],
    ["Сколько мостов в городе Велмор?", "quantity", ["мостов", "городе", "велмор"]],
    ["Кто построил музей?", "person", ["построил", "музей"]],
    ["متى تأسس المتحف؟", "date", null],
    ["科尔瓦斯冷却液的沸点是多少？", "quantity", null],
    ["博物馆什么时候开放？", "date", null],
    ["その橋はいつ完成しましたか？", "date", null],
    ["橋を設計したのは誰ですか？", "person", null],
  ] as const)("%s → %s", (text, type, words) => {
    const q = analyzeQuestion(text);
    expect(q.type).toBe(type);
    if (words) expect(q.words.map((w) => w.word)).toEqual(words);
    else expect(q.words.length).toBeGreaterThan(0);
  });

  it("finds a name by its capital, not the question's first word", () => {
    const q = analyzeQuestion("Korvath coolant: who makes the Dravel pump?");
    expect(q.words.filter((w) => w.capitalized).map((w) => w.word)).toEqual(["dravel"]);
  });

  it("splits a question that asks two things, each with its own kind of answer", () => {
    const q = analyzeQuestion("When was the Ilvenmark Bridge opened and who designed it?");
    expect(q.parts.map((p) => p.type)).toEqual(["date", "person"]);
    const two = analyzeQuestion("What are the flow rate and the boiling point of Korvath coolant?");
    expect(two.parts.map((p) => p.words.map((w) => w.word))).toEqual([["flow", "rate"], ["boiling", "point", "korvath", "coolant"]]);
    // "and" between two capitalised words joins a name ("the Heron and Oar"): one part.
    expect(analyzeQuestion("What time does the Heron and Oar close?").parts).toHaveLength(1);
    expect(analyzeQuestion("Who built Tessor and Ilvenmark?").parts).toHaveLength(1);
  });

  it("keeps an English word that is a stop-word only in another language", () => {
    // "die" is a German article, but the point of this question.
    expect(analyzeQuestion("When did Lydia Quennick die?").words.map((w) => w.word)).toEqual(["lydia", "quennick", "die"]);
  });

  it("reads the longest asking phrase at a place", () => {
    // "من أين" (from where) asks for a place; "من" alone (who) for a person.
    expect(analyzeQuestion("من أين يستورد خشب الساج؟").type).toBe("place");
    expect(analyzeQuestion("من صمم الجسر؟").type).toBe("person");
  });
});

const hit = (artifact_id: number, title: string, content: string, trust_score = 90): SearchHit => ({
  chunk_id: artifact_id * 10, artifact_id, title, path: `t/${artifact_id}`, domain: "t", source_url: null, trust_score, content, snippet: content, rank: artifact_id, score: 1 / artifact_id, relevance: 1,
});
const ask = (question: string, hits: SearchHit[]) => {
  const q = analyzeQuestion(question);
  return composeReply(q, selectAnswers(q, evidenceFrom(hits), () => 1));
};

const KORVATH = hit(1, "Korvath coolant", "# Korvath coolant\n\nKorvath coolant is a glycol blend made in Tessaly.\n- It flows at 1,240 litres per hour through the main loop.\n- Its freezing point is -41 °C.\n\nThe coolant was first sold in 1987 by Brennic Works.");

describe("answering only what a sentence answers", () => {
  it("answers from the sentence that holds the attribute, with its citation, never quoting a heading or a list marker", () => {
    const r = ask("What is the freezing point of Korvath coolant?", [KORVATH]);
    expect(r.answerStatus).toBe("answered");
    expect(r.text).toBe("Its freezing point is -41 °C. [1]");
    expect(r.citations.map((c) => c.artifact_id)).toEqual([1]);
  });

  it("says it doesn't know an attribute the source does not state, and what the source does say", () => {
    const r = ask("What is the boiling point of Korvath coolant?", [KORVATH]);
    expect(r.answerStatus).toBe("unknown");
    expect(r.text).toMatch(/^I don't know the boiling point of Korvath coolant\. My sources on Korvath coolant say: .+ \[1\]/);
    expect(r.grounded).toBe(false);
  });

  it("wants the kind of value asked for: a date for when, a name for who, a number for how many", () => {
    expect(ask("When was Korvath coolant first sold?", [KORVATH]).text).toMatch(/1987/);
    expect(ask("Who first sold Korvath coolant?", [KORVATH]).text).toMatch(/Brennic Works/);
    // The sentence about where it is made holds no number: no quantity to give.
    expect(ask("How many factories make Korvath coolant?", [KORVATH]).answerStatus).toBe("unknown");
  });

  it("answers a yes/no question only when a sentence states it", () => {
    expect(ask("Is Korvath coolant a glycol blend?", [KORVATH]).answerStatus).toBe("answered");
    expect(ask("Is Korvath coolant toxic?", [KORVATH]).answerStatus).toBe("unknown");
  });

  it("answers part of a question and says which part it cannot", () => {
    const r = ask("What are the freezing point and the boiling point of Korvath coolant?", [KORVATH]);
    expect(r.answerStatus).toBe("partial");
    expect(r.text).toMatch(/-41 °C\. \[1\] I don't know the boiling point of Korvath coolant\./);
    expect(r.unanswered).toMatch(/boiling point/);
  });

  it("does not answer about one subject from another's source", () => {
    expect(ask("What is the freezing point of Dravel coolant?", [KORVATH]).answerStatus).toBe("unknown");
  });

  it("says so when two sources disagree, citing each", () => {
    const other = hit(2, "Korvath coolant history", "Korvath coolant was first sold in 1991 by Brennic Works.");
    const r = ask("When was Korvath coolant first sold?", [KORVATH, other]);
    expect(r.text).toMatch(/^My sources disagree: .*\[1\].*\[2\]/);
    expect(r.text).toMatch(/1987/);
    expect(r.text).toMatch(/1991/);
    expect(r.citations).toHaveLength(2);
  });

  it("answers in Russian and Chinese from sources in those languages", () => {
    const ru = hit(3, "Мост Ильвенмарк", "Мост Ильвенмарк был открыт в 1902 году. Его длина составляет 412 метров.");
    expect(ask("Когда открыли мост Ильвенмарк?", [ru]).text).toMatch(/1902/);
    expect(ask("Кто спроектировал мост Ильвенмарк?", [ru]).answerStatus).toBe("unknown");
    const zh = hit(4, "科尔瓦斯冷却液", "科尔瓦斯冷却液的流量为每小时1240升。它于1987年首次上市。");
    expect(ask("科尔瓦斯冷却液的流量是多少？", [zh]).text).toMatch(/1240/);
    expect(ask("科尔瓦斯冷却液的沸点是多少？", [zh]).answerStatus).toBe("unknown");
  });
});

describe("the same attribute in other words", () => {
  const COOLANT = hit(5, "Velmira coolant", "Velmira coolant was developed in 1987 by the chemist Mara Quell. It is spoken of as the quietest coolant. The firm employs 18 people. Admission to the plant costs 8 euros. The plant is open from 09:00 to 17:00. Its tank is 12 metres long. It stands 212 metres above sea level. Latest version: 3.2, released on 11 March 2024.");
  it.each([
    // related words (related.ts), irregular forms (lemmas.ts), typos (typos.ts), units (attributes.ts)
    ["Who invented Velmira coolant?", "answered", /Mara Quell/],
    ["Who desgined Velmira coolant?", "unknown", null], // a typo of "designed": designing is not developing
    ["Who devleoped Velmira coolant?", "answered", /Mara Quell/],
    ["How many workers does the Velmira coolant firm employ?", "answered", /18 people/],
    ["How much is a ticket to the Velmira coolant plant?", "answered", /8 euros/],
    ["When does the Velmira coolant plant close?", "answered", /17:00/],
    ["How high above sea level is the Velmira coolant plant?", "answered", /212 metres/],
    // a length is not a height, and the latest version is not the first
    ["How tall is the Velmira coolant tank?", "unknown", null],
    ["When was the first version of Velmira coolant released?", "unknown", null],
    // a date question asks about the event its participle names
    ["When was Velmira coolant banned?", "unknown", null],
  ] as const)("%s → %s", (question, status, text) => {
    const r = ask(question, [COOLANT]);
    expect(r.answerStatus).toBe(status);
    if (text) expect(r.text).toMatch(text);
  });

  it("reads the first asking word, and hyphenated words as their parts", () => {
    expect(analyzeQuestion("Who was the captain of the Calder Vane when she was wrecked?").type).toBe("person");
    expect(analyzeQuestion("En quelle année le phare a-t-il été automatisé ?").words.map((w) => w.word)).toEqual(["phare", "automatisé"]);
    expect(analyzeQuestion("Quand peut-on visiter le phare ?").lang).toBe("fr");
    expect(analyzeQuestion("cuantos puestos hay en el mercado").type).toBe("quantity");
  });

  it("asks nothing beyond the subject and a date when its only other word is light ('held')", () => {
    const night = hit(9, "Wendmere Lantern Night", "Every year on the last Saturday of October, the village of Wendmere fills with carved lanterns.");
    expect(ask("When is Wendmere Lantern Night held?", [night]).text).toMatch(/last Saturday of October/);
    expect(ask("How many people attend Wendmere Lantern Night?", [night]).answerStatus).toBe("unknown");
  });

  it("reads a Japanese verb in its inflected form, but not a noun that begins with the same kanji", () => {
    const doll = hit(11, "朧谷人形", "朧谷人形は、朧谷村で作られている木彫りの人形です。江戸時代、村の大工だった佐平が作り始めたと伝えられています。");
    expect(ask("朧谷人形を最初に作ったのは誰ですか？", [doll]).text).toMatch(/佐平/);
    expect(ask("朧谷人形は何の木で作られていますか？", [doll]).answerStatus).toBe("unknown");
  });

  it("reads a misspelt asking word, a colour, the opposite state and a second attribute word; a named measure must be stated", () => {
    const bridge = hit(12, "Ilvenmark Bridge", "The Ilvenmark Bridge was built in 1902 at Saun Ford. About 600 workers were hired during construction. The steelwork is painted rust red. Its main span is 418 metres. Sunday: closed.");
    expect(analyzeQuestion("wher was the Ilvenmark Bridge built").type).toBe("place");
    expect(analyzeQuestion("there was a bridge").type).not.toBe("place");
    expect(ask("What colour is the Ilvenmark Bridge painted?", [bridge]).text).toMatch(/rust red/);
    expect(ask("Is the Ilvenmark Bridge open on Sundays?", [bridge]).text).toMatch(/Sunday: closed/);
    expect(ask("How many workers were hired building the Ilvenmark Bridge?", [bridge]).text).toMatch(/600 workers/);
    // "how tall" asks for a height: the span's metres are a length, whatever else the sentence shares.
    expect(ask("How tall is the main span of the Ilvenmark Bridge?", [bridge]).answerStatus).toBe("unknown");
    expect(ask("What is the population of the Ilvenmark Bridge?", [bridge]).answerStatus).toBe("unknown");
  });

  it("answers about the subject only from a sentence about it, and a measure only from its own unit", () => {
    const ferry = hit(13, "Orrisford Ferry", "The Orrisford Ferry crosses the Wenlow. The present vessel, the Marigold Teague, entered service in 2004. She takes 12 cars.\n\nThe crossing itself is 180 metres. In winds above 90 kilometres per hour the ferry stops. The 41 bus runs to the green every 30 minutes. The slipway is 4 metres above the river.");
    // "The crossing" is not the Marigold Teague: its 180 metres say nothing of the boat's length.
    expect(ask("How long is the Marigold Teague?", [ferry]).answerStatus).toBe("unknown");
    // "She" in the sentence after the one naming the boat is the boat.
    expect(ask("How many cars does the Marigold Teague take?", [ferry]).text).toMatch(/12 cars/);
    // A number the question names is part of its subject; a speed is no height; metres above are a height.
    expect(ask("How often does the 41 bus run?", [ferry]).text).toMatch(/every 30 minutes/);
    expect(ask("How often does the 47 bus run?", [ferry]).answerStatus).toBe("unknown");
    expect(ask("How tall is the Orrisford Ferry?", [ferry]).answerStatus).toBe("unknown");
    expect(ask("How long is the slipway of the Orrisford Ferry?", [ferry]).answerStatus).toBe("unknown");
    expect(ask("How heavy is the Marigold Teague?", [ferry]).answerStatus).toBe("unknown");
    // "How many cars" is answered by a number of cars, not by a price for one or a ticket named after them.
    const fares = hit(18, "Orrisford Ferry fares", "Car and driver: £3.50 each way. A book of 20 car tickets: £55.");
    expect(analyzeQuestion("How many cars can the Orrisford ferry take?").parts[0].counted?.word).toBe("cars");
    expect(ask("How many cars can the Orrisford ferry take?", [fares]).answerStatus).toBe("unknown");
    expect(ask("How many cars can the Orrisford ferry take?", [ferry, fares]).text).toMatch(/12 cars/);
  });

  it("reads the noun a Spanish name is given to as the subject, a Spanish yes/no question with 'por', and Russian opening days", () => {
    const trip = hit(14, "La Vía Verde en bici", "Lo mejor del viaje fueron las migas del bar La Trocha, en Prado Somero. Ojo: cierra los lunes. Los perros pueden recorrer la vía verde siempre que vayan atados.");
    expect(analyzeQuestion("¿Qué día cierra el bar La Trocha?").words.find((w) => w.word === "bar")?.namesHead).toBe(true);
    // A verb before a name is not its noun.
    expect(analyzeQuestion("¿A qué hora cierra el Mercado de Sal?").words.find((w) => w.word === "cierra")?.namesHead).toBe(false);
    expect(ask("¿Qué día cierra el bar La Trocha?", [trip]).text).toMatch(/cierra los lunes/);
    expect(analyzeQuestion("¿Puedo llevar a mi perro por la vía verde?").type).toBe("yesno");
    expect(ask("¿Puedo llevar a mi perro por la vía verde?", [trip]).text).toMatch(/atados/);
    const museum = hit(15, "Музей валенок", "Музей открыт со вторника по воскресенье. Понедельник — выходной день.");
    expect(ask("Музей валенок работает в понедельник?", [museum]).text).toMatch(/выходной/);
  });

  it("finds Chinese words a segmenter cut otherwise, an area by its unit, and a price only with a number before 元", () => {
    const farm = hit(16, "鹭汀茶场", "鹭汀茶场始建于明朝宣德元年。现任场长林秀禾自2009年起管理茶场。茶园面积约340亩，分布在海拔620米的山坡上。");
    expect(ask("鹭汀茶场现在的场长是谁？", [farm]).text).toMatch(/林秀禾/);
    expect(ask("鹭汀茶场的茶园有多大？", [farm]).text).toMatch(/340亩/);
    // 元年 is the first year of an era, not a price.
    expect(ask("鹭汀茶场的门票多少钱？", [farm]).answerStatus).toBe("unknown");
    const lake = hit(17, "Озеро Тарвель", "Озеро Тарвель лежит на высоте 312 метров над уровнем моря. Его площадь составляет 18 квадратных километров.");
    expect(ask("Какую площадь занимает озеро Тарвель?", [lake]).text).toMatch(/18 квадратных/);
  });

  it("reads initials as the name they stand for, German 'Was' as what, and a visit as when it is open", () => {
    const club = hit(19, "Hesketh Vale Rowing Club", "Adult membership costs £310 a year; juniors pay £95. The boathouse is open from 10:00 to 16:30.");
    expect(ask("How much is adult membership at Hesketh Vale RC?", [club]).text).toMatch(/£310/);
    expect(ask("When can I visit the Hesketh Vale Rowing Club?", [club]).text).toMatch(/10:00 to 16:30/);
    expect(analyzeQuestion("Was zahlt man für Halbpension auf der Krummgrathütte?").type).not.toBe("yesno");
    const hut = hit(20, "Krummgrathütte", "Die Halbpension kostet 62 Euro für Mitglieder und 74 Euro für Nichtmitglieder.");
    expect(ask("Was zahlt man als Nichtmitglied für Halbpension auf der Krummgrathütte?", [hut]).text).toMatch(/74 Euro/);
    // Asked without half board: the price with it is no answer.
    expect(ask("Was kostet eine Übernachtung auf der Krummgrathütte ohne Halbpension?", [hut]).answerStatus).toBe("unknown");
  });

  it("finds a German word inside a compound, and number words in other languages", () => {
    const brewery = hit(7, "Brauerei Wetterstrand", "Die Brauerei Wetterstrand liegt in der Mühlenstraße.");
    expect(ask("In welcher Straße liegt die Brauerei Wetterstrand?", [brewery]).text).toMatch(/Mühlenstraße/);
    const lake = hit(8, "Озеро Тарвель", "В озеро Тарвель впадают семь рек.");
    expect(ask("Сколько рек впадает в озеро Тарвель?", [lake]).text).toMatch(/семь рек/);
  });
});
