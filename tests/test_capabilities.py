"""Capabilities of question understanding added for issue 10, each driven through the real engine
(Sudachi, the vocabulary, the records): the first line must hold the asked fact, and a question the
records cannot answer must be declined. Phrasings here are the tests' own, not the evaluation sets'."""

from __future__ import annotations

from datetime import date

import pytest

from renkei_bot.engine import Engine

TODAY = date(2026, 11, 28)

# (question, today, found, fragments the first line must hold)
CASES = [
    # claims of how a record went: 予定どおり / 中止 / 延期 / オンライン / 対面
    ("東北絆まつり2020山形は予定どおりに行われた？", TODAY, True, ["いいえ", "延期"]),
    ("2021年の絆まつりは中止されたんですか？", TODAY, True, ["いいえ", "2021年"]),
    ("令和2年度の全国連携講演会はオンライン開催でしたか", TODAY, True, ["はい", "2021年（令和3年）2月10日"]),
    ("沼尾先生の講演会は対面で開かれた？", TODAY, True, ["いいえ", "オンライン"]),
    # years since a record, weekday, days between two records
    ("群馬県町村会と協定を結んでから何年たちましたか", date(2023, 4, 16), True, ["5年です"]),
    ("奈良県町村会との協定締結は何曜日でしたか", TODAY, True, ["水曜日"]),
    ("青森県市長会の締結式は北海道町村会の締結式の何日後？", TODAY, True, ["60日後"]),
    # editions
    ("東京23区全国連携ニュースは第何号まで発行されている？", TODAY, True, ["第4号"]),
    ("あそぼう!十勝の空の下!の展示は第何回の全国連携展示ですか", TODAY, True, ["第1回"]),
    # the yearly table: two years, a threshold, two rows added
    ("合計は元年度から2年度で何自治体増えましたか", TODAY, True, ["+31自治体"]),
    ("29年度の合計は900を超えていましたか", TODAY, True, ["はい", "926自治体"]),
    ("28年度の各区交流自治体とHP会員登録自治体をあわせるといくつ？", TODAY, True, ["838自治体"]),
    # the partners table: two named partners compared, a day compared, a non-partner in a yes/no
    ("青森県市長会と青森県町村会、構成自治体が多いのはどっちですか", TODAY, True, ["青森県町村会"]),
    ("千葉県町村会の協定は広島県町村会と同じ日でしたか", TODAY, True, ["いいえ"]),
    # an association of a prefecture with no partner: nothing in the records; with one: いいえ and it
    ("福岡県町村会とも連携協定を結んでいますよね？", TODAY, False, ["福岡県町村会"]),
    ("奈良県市長会とも連携協定を結んでいますよね？", TODAY, True, ["いいえ", "奈良県町村会"]),
    # the source's typos
    ("「京都市長会」という書き方は京都府市長会の誤記ですか", TODAY, True, ["はい", "京都府市長会"]),
    # an item inside a row, the partner a row is about, a guess after the question
    ("宇治茶販売コーナーの会場はどこでしたか", TODAY, True, ["東京区政会館 1階"]),
    # a name the question gives beside the record picks the line of the record that names it
    ("令和元年度第1回の講演会で、長野県の事例を報告したのは誰ですか", TODAY, True, ["井出"]),
    ("文化芸術の講演会で新宿区は何を紹介した？", TODAY, True, ["漱石山房"]),
    # 「…わかる？」「…覚えてる？」 with an aspect asks the aspect, not yes or no
    ("森林環境税の講演会の基調講演をした人、名前わかる？", TODAY, True, ["藤野"]),
    # two named partners of the same size: neither has more
    ("埼玉県町村会と群馬県市長会ではメンバー数が多いのはどちら", TODAY, True, ["同じ", "23自治体"]),
    # no signing that day, but the named record of that day is about partners: those
    ("2016年4月15日の総会で協定書案を確認した相手の団体はどこ", TODAY, True, ["北海道町村会"]),
    # the year glued to a series picks the record whose day is meant
    ("東北六魂祭2016と同じ日にあった出来事は？", TODAY, True, ["青森県市長会"]),
    # a judgement of success is an opinion the records do not hold
    ("全国連携展示は成功したと評価できますか", TODAY, False, []),
    # 「AってBのN？」 where the record gives the noun N to another of A's kind (「NであるC」)
    ("鶴岡市は江戸川区の友好都市ですか", TODAY, True, ["はい"]),
    ("木古内町は江戸川区の友好都市でしたか", TODAY, True, ["いいえ", "鶴岡市"]),
    # the order asked (一番はじめ) is no topic to search for
    ("これまでの経過で一番はじめに書かれているのは何", TODAY, True, ["2014年（平成26年）9月10日"]),
    # a start claimed from an open range (「2019年から」) is in its first unit
    ("Twitterでの発信は2019年から始まったんでしたよね？", TODAY, True, ["いいえ", "2021年（令和3年）1月"]),
    # a series year with no festival: the rows that mention that year's
    ("東北絆まつり2020についての記録は何かある？", TODAY, True, ["はい", "2020年"]),
    # a period and nothing named to date lists the period (イベ is イベント, no name)
    ("あしたから始まるイベは？", date(2018, 10, 10), True, ["ぐんまの山村フェア"]),
    # which places of a kind (区, 町) the record names, in the lines that say what the question says
    ("文化芸術資源の講演会で事例報告をした区はどこ？", TODAY, True, ["新宿区、荒川区、豊島区"]),
    ("関係人口を学ぶ講演会で事例報告した北海道の町は？", TODAY, True, ["美幌町"]),
    ("北海道町村会は何市町村で構成されている？", TODAY, True, ["144"]),
    # the asked noun of the first sentence, whatever a second one asks
    ("群馬県市長会との協定の有効期間は？更新はありますか", TODAY, False, ["有効期間"]),
    # each of two phrases, with its day as recorded (a month stays a month)
    (
        "ロゴマークを決めた日と、Twitterを始めた日をそれぞれ教えて",
        TODAY,
        True,
        ["6月16日", "2021年（令和3年）1月です"],
    ),
    (
        "推進方針の案を確認した日と、推進方針を公表した日をそれぞれ知りたい",
        TODAY,
        True,
        ["3月16日", "4月24日"],
    ),
    # how many times and when: the count first
    ("全国ねぎサミットは何回開かれていて、いつですか", TODAY, True, ["1回"]),
    # the first day of a named event, 同時に, 「…の日に…もあった」: the other records of its day
    ("KITTEの魅力発信イベントの初日にあった協定締結式はどこと？", TODAY, True, ["千葉県市長会"]),
    ("KITTEのイベントの日に締結式もあったんだっけ？", TODAY, True, ["はい", "山梨県町村会"]),
    # a typo quoted and asked as another body: いいえ, one body written wrong
    ("「京都市市長会」って京都府市長会とは別の団体？", TODAY, True, ["いいえ", "京都府市長会"]),
    # one record with a short title: what its row says it was, in the first line
    ("今月の北海道町村会との連携イベントを教えて", date(2015, 10, 1), True, ["にっぽりマルシェ"]),
    # years since, with the year said as a date (今年で何年)
    ("群馬県町村会と協定してから今年で何年？", date(2023, 6, 1), True, ["5年"]),
    # a place glued to a held verb (盛岡開催？) is a claim; a guess after a space in a terse question
    ("東北絆まつり2018は仙台開催？", TODAY, True, ["いいえ"]),
    ("今やってる全国連携展示 群馬？", date(2019, 6, 1), True, ["はい"]),
    # 「どうやった？」 asks the method; an ordinal is no unrecorded noun (第1回目)
    ("令和2年度の全国連携講演会の配信ってどうやったんですか", TODAY, True, ["YouTube"]),
    ("全国連携講演会の第1回目っていつ？", TODAY, True, ["年"]),
    # a word of the question that one line of the record alone holds leads
    ("平成30年9月の魅力発信イベントでやった祭りは何？", TODAY, True, ["コッペパン"]),
    # a category asked is what the list is of
    ("国の方針の一覧", TODAY, True, ["国の方針の記録は8件"]),
    # a date inside a row that gives two days (24日・25日) is both
    ("京都府市町村の展示で宇治茶販売コーナーをやったのはいつ？", TODAY, True, ["8月24日、25日"]),
    # the kind of body asked (大学) that no line names for the person: not recorded, with the post
    ("棚野孝夫さんはどこの大学の先生？", TODAY, False, ["大学"]),
    ("沼尾波子さんってどこの大学の方？", TODAY, True, ["東洋大学"]),
    # 創刊 is the first; これまでどおり is as planned
    ("全国連携ニュースの創刊はいつ？", TODAY, True, ["2019年（平成31年）3月15日"]),
    ("東北絆まつり2021ではこれまでどおりPRブースを出せた？", TODAY, True, ["いいえ"]),
    # 「Xの数」 is a figure of X (市町村の数 → 8市町村), not a list of them
    ("北海道町村会との連携第1弾に参加した市町村の数は？", TODAY, True, ["8市町村"]),
    # the project's own body asked: the line naming its staff (事務局) answers who
    ("水源の里シンポジウムのパネルに特別区長会から出たのは誰？", TODAY, True, ["調査第1課長"]),
    # a year in both calendars, as answers write it, then the day: one date to check
    ("奈良県町村会との協定は2018年（平成30年）4月16日でしたか", TODAY, True, ["いいえ"]),
    ("千葉県町村会と協定を結んだのは平成29年(2017年)1月19日？", TODAY, True, ["はい"]),
    # a figure named (〜数) and a change asked with a relative year: yes or no
    ("令和2年度の各区交流自治体数って前年度から増えてる？", TODAY, True, ["はい"]),
    # 市 of Sudachi's 市 + 長会 is no kind of place asked
    ("群馬の市長会 構成自治体 いくつ？", TODAY, True, ["23自治体"]),
    # figures claimed: the line holding most of them as numbers of their own bears them out
    ("北海道十勝地域の事業主体は16町2村でしたよね？", TODAY, True, ["はい", "16町・2村"]),
    # a when-cue with no date asked (いつも) and an aspect asked: the aspect
    ("全国連携講演会っていつもどこでやってるの？", TODAY, True, ["東京区政会館"]),
    # a yes/no about a body a line of the record names: はい and that line
    ("ソトコト編集長が講演に来たことはありますか", TODAY, True, ["はい", "指出"]),
    # how many times, with a 第N回 asked in the next clause: every one is counted
    ("全国連携シンポジウムは全部で何回開催されて、第2回はいつ？", TODAY, True, ["2回"]),
    # 平成31年 ended on April 30: a signing in October 2019 was not in it
    ("青森県市長会との協定は平成28年でしたか", TODAY, True, ["はい"]),
    ("山梨県町村会との協定って平成31年でしたっけ？", TODAY, True, ["いいえ"]),
    # held at a venue (会場開催) against an online record
    ("令和2年度の全国連携講演会は現地開催でしたか？", TODAY, True, ["いいえ"]),
    # a body claimed for an aspect whose value names another (主催:第一生命…): いいえ and the value
    (
        "地域創生ビジネス交流会2018は特別区長会が主催したんでしたか",
        TODAY,
        True,
        ["いいえ", "第一生命保険株式会社"],
    ),
    # 「確認させてください」 asks; it names no step of an agreement
    (
        "弊会（千葉県町村会）と特別区長会の協定締結日を確認させてください",
        TODAY,
        True,
        ["2017年（平成29年）1月19日"],
    ),
    # the first of a series numbered anew each 年度, no year said: the very first
    ("全国連携展示の第1回はどこの展示？", TODAY, True, ["京都府市町村"]),
    # a name only one line of the record holds, asked tersely
    ("関係人口の講演会で話した明治大学の先生は", TODAY, True, ["小田切"]),
    # judgements of the public (評判, 反響) are opinions
    ("ねぎサミットの評判はどうだった？", TODAY, False, []),
    # partners grouped by the 年度 of their signing: the busiest 年度
    (
        "連携協定の締結がいちばん多かった年度はいつで、何団体？",
        TODAY,
        True,
        ["2016年度（平成28年度）の7団体"],
    ),
    # N years ago around this time: that year's fortnight, not every year's; after the records: none
    ("ちょうど10年前の今ごろは何をやってた？", TODAY, True, ["ねぎサミット"]),
    ("去年の今ごろ何かあった？", TODAY, False, []),
    # a day claimed without a year is checked by its month and day
    ("第一生命との協定締結は8月6日でしたか？", TODAY, True, ["いいえ", "8月23日"]),
    # a date in brackets after a name says which record (シンポジウム（平成28年4月）の…)
    ("全国連携シンポジウム（平成28年4月）の基調講演は大杉先生でしたか？", TODAY, True, ["はい"]),
    # Latin words the glossary lacks beside a name found do not refuse the question
    ("What happened at KITTE (event)?", TODAY, True, ["KITTE"]),
    # words spelled in kana right after a name spelled in kana (…かいとのきょうてい)
    ("ちばけんちょうそんかいとのきょうてい いつ？", TODAY, True, ["2017年（平成29年）1月19日"]),
    # この前の is the previous one before today
    ("この前の全国連携展示は何の展示だった？", date(2021, 7, 1), True, ["埼玉県町村"]),
    # two rows summed in one 年度, whatever is said of overlaps
    ("27年度の各区交流自治体とHP会員登録自治体を足すといくつ？重複はそのままで", TODAY, True, ["723自治体"]),
    # the partners of a kind who signed in a 年度
    ("平成28年度に協定を結んだ市長会はどこ？", TODAY, True, ["京都府市長会", "青森県市長会"]),
    # a figure claimed in a yes/no is checked against the record (not the 23 of 東京23区)
    ("ねぎサミット2016には産地から30団体が出店したんですか", TODAY, True, ["いいえ", "28団体"]),
    ("東京23区全国連携ニュースの創刊号は2019年3月でしたか", TODAY, True, ["はい"]),
    # the noun right before a question word (「…って有効期間何年？」) is the one asked
    ("三井住友海上との協定って有効期間何年？", TODAY, False, ["有効期間"]),
    # a question about the project's own body with words no record holds is declined
    ("特別区の職員研修の受講申込はいつから？", TODAY, False, []),
    # 「N年前のちょうど今ごろ」 is that year's fortnight
    ("7年前のちょうど今ごろは何をしていた？", TODAY, True, ["やましろ"]),
    # the newest record of the document (a coverage word with an order)
    ("この資料でいちばん新しい記録は？", TODAY, True, ["2021年（令和3年）12月3日"]),
    # keigo: ございますか is a yes/no; お知らせいただけますか is a request
    ("白糠町長が全国連携シンポジウムにご登壇されたことはございますか", TODAY, True, ["はい"]),
    (
        "嬬恋村の方が登壇した講演会があれば、開催日をお知らせいただけますか",
        TODAY,
        True,
        ["2018年（平成30年）7月26日"],
    ),
    # a compound no record writes whose head names a thing (連携項目), though both parts occur apart
    ("三井住友海上との包括連携協定にはどんな連携項目がありますか", TODAY, False, ["連携項目"]),
    # a counter glued to 何 in one token (何階) asks; it is no word to search for
    ("しぶや連携交流事業のプレイイベントは渋谷ヒカリエの何階でしたか", TODAY, True, ["8階"]),
    ("京都府市町村の展示のお茶の淹れ方講座は区政会館の何階でしたか", TODAY, True, ["3階", "8月25日"]),
    # of two lines equally named, the one holding more of the question's other words
    ("水源の里シンポジウムのパネルディスカッションには事務局の誰が参加した？", TODAY, True, ["調査第1課長"]),
    ("ラベンダー植栽イベントはどこの町村会の関連事業？", TODAY, True, ["埼玉県町村会"]),
    ("東北絆まつり2018ってどこで開かれたっけ、仙台？", TODAY, True, ["いいえ", "盛岡"]),
    # a stated day and ほかに; a count with another aspect
    ("2018年4月16日には協定締結式のほかに何がありましたか", TODAY, True, ["区長会総会"]),
    # (参画 counts the one record that says so, 2018; the 2020 one was 開催, a joint project)
    ("地域創生ビジネス交流会には何回参画した？会場はどこ？", TODAY, True, ["1回"]),
    ("地域創生ビジネス交流会は何回あった？会場はどこ？", TODAY, True, ["2回"]),
    # which of two came first: partners, companies, two phrases
    ("群馬県と奈良県町村会、どちらが先に協定を結んだ？", TODAY, True, ["奈良県町村会が先"]),
    ("第一生命と三井住友海上、どっちの包括連携協定が先？", TODAY, True, ["第一生命保険株式会社が先"]),
    ("ロゴマークの決定とTwitterの運用開始、どっちが先？", TODAY, True, ["ロゴマーク", "が先"]),
    # two phrases joined by と without a comma, each with its own partner (「…との」 is inside a phrase)
    ("ホームページの運用開始と神野先生との意見交換ってどっちが先？", TODAY, True, ["意見交換", "が先"]),
    # a claim that the one named is the first or last (each partner and company signed once)
    ("協定を最初に結んだ相手は青森県町村会でしたっけ？", TODAY, True, ["いいえ", "北海道町村会"]),
    ("いちばん最後に協定締結したのは山梨県町村会？", TODAY, True, ["はい", "千葉県市長会"]),
    ("包括連携協定を最初に結んだ企業は三井住友海上でしたか", TODAY, True, ["いいえ", "第一生命"]),
    ("広域連携協定の第1号はどこの団体？", TODAY, True, ["北海道町村会"]),
    # the table's figures: two partners apart, a kind left out, a row's largest year, two rows apart
    ("京都府市長会と京都府町村会の構成自治体数はいくつ違う？", TODAY, True, ["4自治体"]),
    ("群馬県町村会は山梨県町村会より何自治体少ない？", TODAY, True, ["2自治体"]),
    ("町村会を除くと構成自治体数の合計はどうなる？", TODAY, True, ["85自治体"]),
    ("各区交流自治体の数が最も少なかった年度", TODAY, True, ["2015年度", "574"]),
    ("令和元年度の合計と各区交流自治体の差は？", TODAY, True, ["304自治体"]),
    # a claim of a record's figure, with the noun it counts (5年間 is not the 5 of 5市)
    ("KITTEでの魅力発信イベントには321自治体が参加した？", TODAY, True, ["いいえ", "372自治体"]),
    ("関係人口創出プロジェクトは4年間の計画でしたか", TODAY, True, ["いいえ"]),
    # a body claimed for an aspect (after the aspect's word) is checked, and does not choose the record
    ("MEGAグルメフェスの主催って特別区長会？", TODAY, True, ["いいえ", "特別区競馬組合"]),
    # katakana and hiragana are one spelling in the records' text
    ("ネギサミットの会場は？", TODAY, True, ["大井競馬場"]),
    # a word that reads as a name but is written otherwise is an input-method slip (郡馬 for 群馬)
    ("郡馬県町村会の構成自治体数は？", TODAY, True, ["12自治体"]),
    ("奈良県町村回とはいつ協定を結んだ？", TODAY, True, ["2018年（平成30年）2月21日"]),
    ("千葉県市町会の構成自治体数", TODAY, True, ["37自治体"]),
    # a record that says nothing of where, asked 「どこの会場で」: not recorded
    ("損保ジャパンとの協定はどこの会場で締結されましたか？", TODAY, False, ["会場"]),
    # 「何年前」 of a record: the years from it to today
    ("東京区政会館で初めての全国連携シンポジウムが開かれたのは何年前？", TODAY, True, ["10年"]),
    # how someone felt, a reaction: an opinion the records do not hold
    ("協定締結式で奈良の町村長たちはどんな反応をしていましたか", TODAY, False, []),
    # a partner's members are counted in the table, never listed
    ("京都府町村会の11町村を全部挙げてください", TODAY, False, ["11自治体"]),
    ("青森県市長会に入っている市はどこ？", TODAY, False, ["10自治体"]),
    # a figure the records write with its noun, but never list the names of
    ("KITTEのイベントに参加した372自治体の名前を全部教えてもらえますか", TODAY, False, ["372自治体"]),
    ("青森県町村会の30町村の名前を全部教えてもらえますか？", TODAY, False, ["30自治体"]),
    # the latest of a numbered series; 発行日 asks the date
    ("全国連携ニュースの最新号って何号？", TODAY, True, ["第4号"]),
    ("全国連携ニュース第3号の発行日", TODAY, True, ["2020年（令和2年）12月28日"]),
    # a range of editions names those between its ends
    ("北海道町村会との連携の第1弾から第3弾まで、それぞれいつ？", TODAY, True, ["2015年（平成27年）11月7日"]),
    # 「どれくらいの期間」 between two records
    ("青森県との協定から群馬県との協定まで、どれくらいの期間があった？", TODAY, True, ["1年9か月"]),
    # a prefecture's association that is no partner: いいえ, with the one that is and its day
    (
        "広島県市長会とも協定を結んでいますよね？締結日は？",
        TODAY,
        True,
        ["いいえ", "2017年（平成29年）1月27日"],
    ),
    # a person asked of an agreement is asked who, and the records do not say
    ("三井住友海上との協定締結式に来ていた社長の名前は？", TODAY, False, []),
    # the years since a record, stated to check without a question word
    ("青森県町村会と協定を結んで、今年でちょうど10年？", TODAY, True, ["はい"]),
    ("奈良県町村会と協定を結んで、今年でちょうど10年？", TODAY, True, ["いいえ", "8年"]),
    # the other items of a meeting the question names by one of them
    (
        "奈良県町村会との協定締結案を確認した区長会総会で、ほかに何が議題になった？",
        TODAY,
        True,
        ["東北絆まつり"],
    ),
    ("埼玉県知事との座談会について話し合った日、ほかにどんな議題があった？", TODAY, True, ["奈良県町村会"]),
    # a count asked first leads; 「…も。」 adds the dates it lists anyway
    ("包括連携協定を結んだ企業は何社？それぞれの協定日も。", TODAY, True, ["3社"]),
    # 「。あわせて…」 begins another ask
    (
        "全国ねぎサミットの会場はどこでしたか。あわせて出店者の数も教えてください。",
        TODAY,
        True,
        ["大井競馬場"],
    ),
    # 「どちらも」 is both, not which; partners named, each: their rows
    (
        "群馬県は市長会と町村会どちらも協定を結んでいるそうですが、それぞれの協定日と構成自治体数をお願いします",
        TODAY,
        True,
        ["23自治体"],
    ),
    # a figure of the yearly table: the partners it adds up to, whatever year is said beside it
    (
        "27年度の広域連携協定締結自治体「0」…ではなく、29年度の「236」はどの団体を合わせた数ですか？",
        TODAY,
        True,
        ["広島県町村会"],
    ),
    (
        "広島県町村会の者です。28年度の広域連携協定締結自治体の210は、どの団体の分の合計ですか？",
        TODAY,
        True,
        ["北海道町村会"],
    ),
    # a series' short name in katakana after の (「第2回のシンポ」) is its name, not part of a kana word
    ("第2回のシンポの基調講演は誰？", TODAY, True, ["高橋"]),
    # a post after a name spelled in kana and a space
    ("ならけんちょうそんかい の会長は？", TODAY, False, ["会長"]),
    # which places, of each record of a series in the year said
    ("平成29年度の全国連携展示はどこの県の市町村のもの？", TODAY, True, ["京都府", "千葉県"]),
    # money asked after a clause leading in that also names money: declined
    ("来年度の予算要求の参考にしたく、助成金の交付上限額を教えてください。", TODAY, False, []),
    # 「どちらの大学」 asks which university, not where
    ("ソトコトの編集長はどちらの会社の方ですか", TODAY, True, ["ソトコト"]),
    # 「Aって、Bと重なってた？」 compares the two; 「どこかとの…」 is any one, not one to compare with
    ("北海道町村会と協定を結んだ日って、1回目のシンポジウムと重なってた？", TODAY, True, ["はい"]),
    # a person found in one record: the post line, with that record and its theme
    (
        "指出さんってどこの人で、どんなテーマの講演会で話した？",
        TODAY,
        True,
        ["第2期まち・ひと・しごと創生総合戦略"],
    ),
    # which wards, and what else was asked of the same line
    ("雪を使った連携事業の提案はどこからで、実施した区はどこ？", TODAY, True, ["北上市", "荒川区"]),
    # the partners a rise of the yearly table is, read the way the table adds up (8月1日 or the 年度)
    (
        "広域連携協定締結自治体が29年度から30年度で85増えたのはどこの団体の分？",
        TODAY,
        True,
        ["奈良県町村会", "埼玉県町村会"],
    ),
    ("協定締結自治体が30年度から元年度に増えたのは、どの団体が加わったから？", TODAY, True, ["千葉県市長会"]),
    # a quote of nothing but a date states it; a closing pleasantry leaves the yes/no asked before it
    (
        "案内に群馬県町村会の協定日を「平成30年5月1日」と書きましたが、相違ないでしょうか。念のため確認させてください。よろしくお願いします。",
        TODAY,
        True,
        ["いいえ", "2018年（平成30年）4月16日"],
    ),
    # how far a numbered series got, claimed
    ("全国連携ニュースは第6号まで出ていますか？", TODAY, True, ["いいえ", "第4号"]),
    # a day to come naming the asker's own thing dates nothing the records hold
    ("来月の広報誌に「奈良県町村会との協定は2018年2月21日」と載せるけど合ってる？", TODAY, True, ["はい"]),
    # a partner left out by name; the two ends of the table apart
    ("北海道町村会と奈良県町村会を除くと構成自治体数の合計は？", TODAY, True, ["201"]),
    ("構成自治体数がいちばん多い団体といちばん少ない団体の差は？", TODAY, True, ["135"]),
    # 「期間はどのくらい」 between two records
    ("北海道町村会との協定から奈良県町村会との協定まで、期間はどのくらい？", TODAY, True, ["1年9か月"]),
    # 「…、で資料送っていい？」 checks the date stated before it
    (
        "損保ジャパンとの協定締結式は2019年9月11日、でチラシ作っていい？",
        TODAY,
        True,
        ["いいえ", "2019年（令和元年）5月31日"],
    ),
    # 「…した最後の日はいつ？」 asks the date of the last, not the others of that day
    ("区長会総会で東北絆まつりについて確認した最後の日はいつ？", TODAY, True, ["いちばん新しい"]),
    # 「…したことある？」 of a series: any record of it that bears the claim out
    ("全国連携講演会ってYouTubeで配信したことある？", TODAY, True, ["はい"]),
    # a claim refuted: the line naming what the question names beside it says who it was
    ("嬬恋村と一緒に事例報告したのは港区だった？", TODAY, True, ["いいえ", "千代田区"]),
    # the project itself said by a word of its name alone: its first record is its start
    ("このプロジェクトって、そもそもいつから始まったんですか", TODAY, True, ["2014年（平成26年）9月16日"]),
    ("プロジェクトは今年で何周年？", TODAY, True, ["12"]),
    # a name begun in kana (「なら県町村会」); お of お教え is no kana word to respell (孝夫)
    ("ぐんま県町村会と協定を結んだのはいつ？", TODAY, True, ["2018年（平成30年）4月16日"]),
    ("特別区制度懇談会でプロジェクトの状況を報告したのは何回あったかお教えください", TODAY, True, ["回"]),
    # peak is the most; 「…結んでますか？」 asks yes or no
    ("構成自治体数がpeakの団体は？", TODAY, True, ["北海道町村会"]),
    ("奈良県市長会とも協定結んでますか？", TODAY, True, ["いいえ"]),
    # an introduction ending in 「…事務局の者です。」, then a count over a kind: not the asker's own
    ("群馬県町村会事務局の者です。協定を結んでいる町村会はいくつありますか。", TODAY, True, ["9団体"]),
    ("協定を結んでいる市長会はいくつ？", TODAY, True, ["4団体"]),
    # 「…まで何か月？」: the days, and the months when there is at least one
    ("奈良県町村会からの申入れを確認してから、締結するまで何か月？", TODAY, True, ["2か月"]),
    # a month in brackets right after a date says that date again: no period of its own
    ("9年前の今ごろ（11月下旬）って、区政会館で展示やってた？", TODAY, True, ["はい", "千葉県"]),
    # the meeting's theme, not the line of the one named beside it
    ("指出一正さんが登壇した講演会のテーマは？", TODAY, True, ["第2期まち・ひと・しごと創生総合戦略"]),
    # the companies, whoever signed for the wards
    ("区長会が包括連携協定を結んだ会社を全部教えて", TODAY, True, ["第一生命"]),
    # the first signing of the kind asked, for the years since
    ("最初に企業と包括連携協定を結んでから今年で何年？", TODAY, True, ["8年"]),
    ("最後の広域連携協定から今年で何年？", TODAY, True, ["7年"]),
    # a name written partly in kana, said in kanji that read the same
    ("高橋春美知事が訪ねてきたのはいつ？", TODAY, True, ["2015年（平成27年）7月9日"]),
    # ピーク is the most; 「何日しか離れてない」 asks an interval
    ("各区交流自治体数のピークは何年度？", TODAY, True, ["2021年度"]),
    ("青森県市長会と北海道町村会の協定って何日しか離れてないの？", TODAY, True, ["60日"]),
    # how a record went, from the row that says it, when the likeliest row says nothing of it
    ("絆まつり2020って予定どおりやれたの？", TODAY, True, ["いいえ", "延期"]),
    # the asker's self-introduction is no part of the question; 「うちの」「弊会」 is the body it names
    (
        "広島県町村会の事務局の者です。うちの協定は千葉県町村会と同じ日でしたか？",
        TODAY,
        True,
        ["いいえ", "2017年（平成29年）1月27日"],
    ),
    ("奈良県町村会でございます。弊会の構成自治体数を教えてください。", TODAY, True, ["27"]),
    ("京都府の村の職員です。全国ねぎサミットの会場はどこでしたか。", TODAY, True, ["大井競馬場"]),
    ("北海道町村会の者です。協定を結んだのはいつでしたか？", TODAY, True, ["2016年（平成28年）4月26日"]),
    (
        "町村会に加盟している町で総務を担当しております。協定団体の構成自治体数は全部でいくつですか。",
        TODAY,
        True,
        ["372"],
    ),
    # an introduction that ends in the asker's surname; one who is a person of the records stays
    (
        "お疲れさまです。大田区政策課の山本です。全国ねぎサミットの会場はどこでしたか。",
        TODAY,
        True,
        ["大井競馬場"],
    ),
    (
        "川場村の戸部です。私が出たパネルディスカッションのコーディネーターは誰でしたか？",
        TODAY,
        True,
        ["沼尾"],
    ),
    # 「何か…と聞きました。」 asks nothing yet; the question word after it does
    ("岩手の市町から何か提案があったと聞きました。何の提案でしたか？", TODAY, True, ["雪"]),
    # 「<body>です。」 alone introduces the asker too; their association stays only when its own
    # agreement or members are asked
    ("奈良県町村会です。ねぎサミットの会場を教えてください。", TODAY, True, ["大井競馬場"]),
    ("千葉県町村会です。協定を結んだのは何年何月何日でしたか？", TODAY, True, ["2017年（平成29年）1月19日"]),
    # a place of holding claimed is checked against the venue, not any line naming the place
    ("1回目の全国連携シンポジウムは北海道で開いたんでしたっけ？", TODAY, True, ["いいえ"]),
    # an aside in brackets on a side of an interval says again what the side says
    ("最初の協定（北海道などとの）から最後の協定まで、何年何か月？", TODAY, True, ["3年6か月"]),
    # two records said to share a day: a partner's ceremony and an event named alone
    ("群馬県市長会の締結式と、群馬県町村会の締結式って同じ日？", TODAY, True, ["はい"]),
    ("広島県町村会の協定式とシンポジウムの第1回って同じ日だった？", TODAY, True, ["いいえ"]),
    # the time between two records: 「間があいた」「AはBより何年後」
    ("青森県町村会の協定から奈良県町村会の協定まで、どのくらい間があいた？", TODAY, True, ["1年7か月"]),
    ("山梨県町村会との協定は、奈良県町村会との協定より何年くらい後？", TODAY, True, ["1年8か月後"]),
    # …and so is a word of the records written with kanji that read alike (会上, 記帳講演, 締決式)
    ("全国ねぎサミットの会上はどちらでしたか", TODAY, True, ["大井競馬場"]),
    ("森林環境税がテーマの講演会、記帳講演は誰", TODAY, True, ["藤野"]),
    ("奈良県町村会との締決式の日付", TODAY, True, ["2018年（平成30年）2月21日"]),
    # the project itself beside a person chooses no record (every record is about it) and is no claim
    ("全国連携プロジェクトの顧問を神野先生に頼んだのはいつ？", TODAY, True, ["2015年（平成27年）9月16日"]),
    # 「…をお願いしたんだっけ？」 states a past request: a yes/no question, not a request
    ("大杉先生には基調講演をお願いしたんでしたっけ？", TODAY, True, ["はい"]),
    # the document's own words (表, 行) say nothing of which record
    ("経過表の一番最後の行は何？", TODAY, True, ["2021年（令和3年）12月3日"]),
    # a yes/no asked first, something else after it: the yes/no's answer leads, the rest follows
    ("沼尾先生の講演会はオンラインだった？テーマは何？", TODAY, True, ["はい", "テーマ"]),
    # 「誰が出た？」: a line naming someone (a post) before a heading with only the aspect's word
    ("水源の里シンポジウムでパネルに出たのは誰？", TODAY, True, ["調査第1課長"]),
    # どこから asks where a request came from, not a venue; the words said after the topic choose the line
    ("青山まつりへの支援は、どこからの依頼で決めたの？", TODAY, True, ["東北絆まつり実行委員会"]),
    # where a record was held says which record, not which of its lines
    ("平成30年に浅草でやったイベントのパンの企画は何という名前？", TODAY, True, ["コッペパン"]),
    ("ヒカリエでやったイベントにはどんなコーナーがあった？", TODAY, True, ["宇治茶体験コーナー"]),
    # a who-question of a record naming officers (役員), not persons: the record's own words
    ("2014年9月10日の意見交換会には誰が出た？", TODAY, True, ["役員"]),
    # 「何をした？」 of a record whose title does not say: its 内容; a name its title holds in another
    # form (渋谷 for 渋谷区) chooses the record, not a line
    ("京都やましろ食材フェアって何をしたの？", TODAY, True, ["限定メニュー"]),
    # a relative date in a clause that only leads into the question dates nothing it asks
    ("明日の打ち合わせで使うんだけど、ねぎサミットの会場ってどこ？", TODAY, True, ["大井競馬場"]),
    ("来月報告するので、埼玉県町村会との協定締結日を教えて", TODAY, True, ["2018年（平成30年）5月1日"]),
    # an era year beside 第N回 is that 年度 (the records number meetings anew each 年度)
    ("R1の第2回講演会で基調講演したのは？", TODAY, True, ["松原"]),
    # 「…？Xも」: the same question of another one, each answered in order
    (
        "広島県町村会はいつ協定を結んだ？奈良県町村会も",
        TODAY,
        True,
        ["2017年（平成29年）1月27日", "2018年（平成30年）2月21日"],
    ),
    # 「何が決まった？」 of a person's record asks what the record says, not who they are
    ("石破大臣を訪ねた日に何が決まったの？", TODAY, True, ["2015年（平成27年）"]),
    # where a signing was held, which the records do not say: declined, not answered with its date
    ("三井住友海上との包括連携協定の締結式はどこでやった？", TODAY, False, []),
    ("青森県市長会との協定式の会場は？", TODAY, False, []),
    # 「AはBより後？」: the direction claimed decides はい/いいえ; 「どっちが後？」 leads with the later
    ("千葉県町村会の協定は広島県町村会より後だった？", TODAY, True, ["いいえ"]),
    ("青森県市長会は北海道町村会より後に協定を結んだ？", TODAY, True, ["はい"]),
    ("第一生命と三井住友海上、どっちが後？", TODAY, True, ["三井住友海上火災保険株式会社が後"]),
    # claimed of the topic: a body named after は/って is what the question claims of the record
    ("ラベンダー植栽イベントって群馬県町村会の関連事業？", TODAY, True, ["いいえ"]),
    # a claim that does not hold is answered with the line the question's own words point to
    ("奥の細道千住あらかわサミットの事例報告は足立区でしたか", TODAY, True, ["いいえ", "荒川区"]),
    # content asked beside another aspect: the row's 内容 (or the items under it) follows
    ("ぐんまの山村フェアはどこでやって、何をした？", TODAY, True, ["会場", "内容"]),
    # a one-kanji noun joined by の is a phrase to find (雪の活用); where it came from and which
    # wards, asked together: the line that says both
    ("雪の活用の提案はどこからで、どの区がやったの？", TODAY, True, ["北上市", "荒川区"]),
    # 「名前なんだっけ」 asks the name; a word of the record's venue says which record, not which line
    (
        "平成30年の浅草のイベントで地酒の通りみたいなのあったよね、あれ名前なんだっけ？",
        TODAY,
        True,
        ["地酒ストリート"],
    ),
    # a name that begins with another is said as short as that one (絆まつり実行委員会)
    ("絆まつり実行委員会から協力依頼があったのはいつ？", TODAY, True, ["2018年（平成30年）11月16日"]),
    # 「…した日のX」: the record X of the day another record names
    ("奈良県町村会と協定を結んだ日の総会では何を確認した？", TODAY, True, ["2018年（平成30年）2月21日"]),
    # 「…いつ？あと…」: the day asked first leads when the whole message's answer would not give it
    (
        "ホームページの運用開始はいつ？あと最初の講演会は何年だったか知りたい",
        TODAY,
        True,
        ["2015年（平成27年）6月30日"],
    ),
    # a count the row writes by kind (16町・2村): the sum, then the line
    ("十勝地域との関係人口創出プロジェクトに加わった町村はいくつ？", TODAY, True, ["18"]),
    ("やましろ地域の事業主体の市町村の数は？", TODAY, True, ["12市町村"]),
    # a post claimed after the topic is checked (会長 is not 副会長); 「したのって」 stays kana
    ("石破大臣を訪問したのって副会長でしたっけ？", TODAY, True, ["いいえ"]),
    # N年度前: that many 年度 before today's
    ("5年度前の合計は？", date(2026, 11, 29), True, ["1,096"]),
    # 「参加自治体っていくつ」: the counter the noun ends with
    ("KITTEの魅力発信イベントの参加自治体っていくつ？", TODAY, True, ["372自治体"]),
    # 「今年の8月で何周年？」: counted to the period stated, said in 周年
    ("北海道町村会との協定は今年の4月で何周年？", date(2026, 1, 10), True, ["10周年"]),
    # 「…と思う？」 asks an opinion; 「30でよかったっけ？」 asks yes or no
    ("全国連携展示って順調だと思う？", TODAY, False, []),
    ("奈良県町村会の構成自治体数は27でよかったっけ？", TODAY, True, ["はい"]),
    # ご用件 asks what the record says; a who-question's line naming a person before a post-only line
    ("高橋はるみ知事の訪問はどんなご用件でしたか", TODAY, True, ["窓口"]),
    ("プロジェクトの顧問になった先生はだれ？", TODAY, True, ["神野"]),
    # who took part, listed in brackets: how many it lists
    ("2016年12月の魅力発信イベントに参加したのは何地域？", TODAY, True, ["3地域"]),
    # a change asked 「前年度からどれくらい」 is no time since; a clause leading in, or small talk after
    # the question, dates nothing
    ("2年度の合計は前年度からどれくらい増えた？", TODAY, True, ["+31"]),
    (
        "資料を作ってるんだけど来週締め切りで、それはいいとして、ねぎサミットの会場は？",
        TODAY,
        True,
        ["大井競馬場"],
    ),
    ("青森県市長会との協定っていつでしたっけ？ 今日は寒いですね", TODAY, True, ["2016年（平成28年）6月25日"]),
    # a yes/no whose stated day holds no such record: the day is the claim, checked on the record
    (
        "大杉先生の基調講演は2016年5月26日のシンポジウムでしたか",
        TODAY,
        True,
        ["いいえ", "2016年（平成28年）4月26日"],
    ),
    # a place before the topic names the record; the one after it is the claim
    ("大井競馬場の魅力発信イベントって浅草でやったの？", TODAY, True, ["いいえ"]),
    # a yes/no asked after another question, about the same record: its はい follows
    (
        "ラベンダー植栽イベントの会場は？あと埼玉県町村会の関連事業だったってほんと？",
        TODAY,
        True,
        ["千年の苑"],
    ),
    # the partner after the one named, or the N-th, in the members order
    ("千葉県市長会の次に構成自治体数が多いのはどこ？", TODAY, True, ["青森県町村会"]),
    ("構成自治体数が3番目に多い団体は？", TODAY, True, ["青森県町村会"]),
    # the floor written in the venue: 「区政会館の何階」
    ("全国連携シンポジウムは区政会館の何階だった？", TODAY, True, ["20階"]),
    # 「今年で協定締結から…周年の団体」: those that signed that many years before
    ("来年で協定を結んで10周年になるのはどこ？", date(2026, 3, 1), True, ["千葉県町村会"]),
    # a message whose questions find nothing together: each answered on its own, the first naming
    # what the others ask about (and nothing when the first names what the records lack)
    (
        "奈良県町村会の構成自治体数は？あと、令和元年度に奈良の展示をやってたと思うけどテーマは？",
        TODAY,
        True,
        ["27自治体"],
    ),
    ("福岡県町村会との協定はいつ？構成自治体数は？", TODAY, False, []),
    # 「…年に協定結んだところ」 lists the partners that signed then
    ("平成29年に協定を結んだところは？", TODAY, True, ["千葉県町村会"]),
    # which row of the yearly table grew most over the years asked
    ("28年度から元年度で一番増えた区分は？", TODAY, True, ["広域連携協定"]),
    # what is asked first, of the same record, leads when the whole message leads with the rest
    ("森林環境税の講演会で林野庁から講演したのは誰？あとそれいつ？", TODAY, True, ["石田"]),
    # the project's own side names no other subject: the first partners
    ("区長会が最初に協定を結んだ相手はどこ？", TODAY, True, ["北海道町村会"]),
    # a period's listing narrowed to the record holding most of the words, each aspect asked said
    ("2019年7月の講演会、会場と基調講演の先生は？", TODAY, True, ["藤野"]),
    # a person claimed for a role is checked on the line of that role
    ("第1回シンポジウムのコーディネーターは大杉先生だったっけ？", TODAY, True, ["いいえ", "目黒"]),
    # a figure the row gives in brackets after the noun counted (限定メニューの提供(11種類))
    ("やましろ食材フェアの限定メニューの数を教えて", TODAY, True, ["11種類"]),
    # a money word in a clause that only leads in asks nothing
    ("予算の資料を作ってるんだけど、KITTEでの魅力発信イベントの会場は？", TODAY, True, ["KITTE"]),
    # 「…からちょうど10年になる団体」
    ("再来年で協定を結んでちょうど10年になるところは？", date(2026, 5, 1), True, ["奈良県町村会"]),
    # a month naming which record, whose record there lacks the question's rare words, is the claim
    (
        "ホームページの運用開始は2015年8月の総会で決めたんだっけ？",
        TODAY,
        True,
        ["いいえ", "2015年（平成27年）6月30日"],
    ),
    # 「…のテーマは？」 asks the aspect, not yes or no; 会場名と住所: both
    ("6年前の今日、区政会館でやってた展示のテーマは？", date(2023, 11, 20), True, ["ちばの味"]),
    ("地域創生ビジネス交流会2018の会場名と住所は？", TODAY, True, ["TKP", "港区高輪"]),
    # a person claimed after the topic for a body before it: the line of that body decides
    ("令和元年度第1回の講演会で林野庁から来てたのは藤野さん？", TODAY, True, ["いいえ", "石田"]),
    # 「N年前の今月1日」: that day, not the whole month
    ("8年前の今月1日には何があった？", TODAY, True, ["水源の里"]),
    # a university by its usual short name (data/entities.yaml aliases)
    ("東大の先生が講演したのは何年度？", TODAY, True, ["2019年度"]),
    # a person or company named beside a record: their line, not the record's own theme
    ("ソトコトの編集長は何というテーマで話した？", TODAY, True, ["関係人口のつくり方"]),
    # a reading the records write one way far more often than the vocabulary's word (こうえん: 講演)
    ("しんりんかんきょうぜいのこうえんかいできちょうこうえんしたひとは？", TODAY, True, ["藤野"]),
    # a name guessed fuzzily from kana begins and ends where a word may (かんきょう is no 文京区)
    ("ざちょうとしてこうえんしたのはだれ？", TODAY, True, ["小田切"]),
    # a question typed wholly in katakana reads as the kana it spells
    ("ナラケンチョウソンカイ ノ キョウテイ ハ イツ？", TODAY, True, ["2018年（平成30年）2月21日"]),
    ("グンマケンシチョウカイ コウセイジチタイ イクツ", TODAY, True, ["23自治体"]),
    # N years before tomorrow or yesterday; the anniversary that says which year leads
    ("9年前の明日は何があった？", date(2026, 1, 18), True, ["2017年（平成29年）1月19日"]),
    (
        "今日は会議なんだけど、5年前の今日って何かあった？",
        date(2023, 4, 16),
        True,
        ["2018年（平成30年）4月16日"],
    ),
    # whether two phrases share a day or a month: the answer first, then both days
    ("ロゴマーク決定と北海道町村会との意見交換会は同じ日ですか", TODAY, True, ["いいえ", "別の日"]),
    ("ホームページの運用開始とロゴマーク決定は同じ月だった？", TODAY, True, ["はい", "同じ月"]),
    ("群馬県市長会との締結式と群馬県町村会との締結式が同じ日？", TODAY, True, ["はい", "4月16日"]),
    # editions of tied records by the place another row dates them at; an era named alone
    ("連携協力推進委員会のうち京都で開かれた回は第何回？", TODAY, True, ["第2回"]),
    ("令和になってから全国連携展示は何回開かれた？", TODAY, True, ["回"]),
    # a date naming which record is its scope; a name guessed after the question
    ("令和元年度第1回の全国連携講演会のテーマはSDGsでしたか", TODAY, True, ["いいえ", "森林環境税"]),
    ("第1回シンポ 基調講演 神野直彦先生？", TODAY, True, ["いいえ", "大杉"]),
    ("2016年のシンポジウムに白糠町長は出てた？", TODAY, True, ["はい"]),
    # a noun the records write another way (HP → ホームページ, 日暮里 → にっぽり)
    ("HPの運用開始はいつでしたか", TODAY, True, ["2015年（平成27年）6月30日"]),
    ("北海道町村会との連携第1弾は日暮里でのマルシェでしたか", TODAY, True, ["はい"]),
    # the asked noun that no record writes
    ("群馬県市長会との協定の有効期限は？", TODAY, False, ["協定の期間"]),
    ("全国連携展示の担当部署はどこ？", TODAY, False, ["担当部署"]),
    # figures the records never state, by any counter
    ("魅力発信イベント(KITTE)には何ブースが出店しましたか", TODAY, False, ["ブース"]),
    # an association the table lacks, asked for its day without a question word; an issue not published
    ("広島県市長会と協定を締結した日付", TODAY, False, ["広島県市長会"]),
    ("連携ニュースの第7号の発行日は？", TODAY, False, ["第7号"]),
    ("連携ニュースの第3号の発行日は？", TODAY, True, ["2020年（令和2年）12月28日"]),
    # 「…てた？」 asks yes or no; 「どこか」 asks whether any, not where
    ("群馬県との協定の日って、ほかの行事とかぶってた？", TODAY, True, ["はい"]),
    # a change in a stated year, asked yes or no: the year is the change's, not a claim
    ("広域連携協定の締結自治体って元年度に増えた？", TODAY, True, ["はい", "+51"]),
    ("広域連携協定の締結自治体って2年度に増えた？", TODAY, True, ["いいえ"]),
    ("各区交流自治体は元年度と2年度で何自治体増えた？", TODAY, True, ["+32"]),
    # a claim of how it went that no line bears out: the line that says how it went
    ("2021年の東北絆まつりは延期されたんですか？", TODAY, True, ["いいえ", "縮小"]),
    # the claim's word does not choose the record (延期 is in another row)
    ("令和3年度第1回の全国連携講演会は延期になった？", TODAY, True, ["いいえ", "2021年（令和3年）8月19日"]),
    # a count asked first, then which of them: the count leads
    ("京都との推進委員会は全部で何回開いた？東京で開いたのは第何回？", TODAY, True, ["3回"]),
    # two editions compared on what is asked of them
    (
        "全国連携シンポジウムの司会役のコーディネーター、第1回と第2回で同一人物？",
        TODAY,
        True,
        ["はい", "目黒"],
    ),
    (
        "全国連携シンポジウムの基調講演、1回目と2回目で同じ先生でしたか",
        TODAY,
        True,
        ["いいえ", "大杉", "高橋"],
    ),
    ("全国連携展示の会場は第3回と第4回で同じだった？", TODAY, True, ["はい", "東京区政会館"]),
    # a yes/no whose names are the record's title: the line of its own words bears it out
    ("ぐんまの山村フェアで体験コーナーってやってた？", TODAY, True, ["はい", "体験コーナー"]),
    # 「なにでやった」 asks the means
    ("令和2年度の講演会って配信はなにでやったの？", TODAY, True, ["YouTube"]),
    # a long katakana word one letter off the records' own (シンポジウム, パネルディスカッション)
    (
        "第1回シンポジウムのテーマ、パネルディスカションじゃなくて全体のテーマは？",
        TODAY,
        True,
        ["遠隔自治体間連携"],
    ),
    ("シンポジュームの第2回のテーマは？", TODAY, True, ["共存共栄"]),
    # the people listed under the line naming the role asked, narrowed by the question's other words
    (
        "2回目の全国連携シンポジウムでパネルディスカッションに出た人は？パネリストを教えて",
        TODAY,
        True,
        ["大浦", "濱田"],
    ),
    ("最初のシンポジウムのパネリストに市長さんいた？誰？", TODAY, True, ["山崎"]),
    # whole sentences before and after the question: their relative dates date nothing
    (
        "お世話になっております。来週の会議資料を準備しています。千葉県町村会と協定を結んだ日を教えてください。よろしくお願いします。",
        TODAY,
        True,
        ["2017年（平成29年）1月19日"],
    ),
    # 「…した日に、何…」 asks what else happened that day
    ("千葉県市長会と協定を結んだ日に、どんなイベントをやってた？", TODAY, True, ["KITTE"]),
    # a series' year with no record of its own: the rows of that year that mention it
    ("東北絆まつり2020の開催はどうなりましたか", TODAY, True, ["延期"]),
    # a record named by the day of another
    ("連携ニュースの第2号が出た日の区長会総会では何を確認した？", TODAY, True, ["事前PR"]),
    # two asks in one sentence, the count first
    ("京都との連携協力推進委員会は何回開かれて、第1回はいつ？", TODAY, True, ["3回"]),
    # the one claimed to be the most or the least, against the table
    ("構成自治体数がいちばん少ないのは広島県町村会で合ってますか", TODAY, True, ["はい", "9自治体"]),
    ("構成自治体数が一番多いのは青森県町村会ですよね？", TODAY, True, ["いいえ", "北海道町村会"]),
    # a prefecture and a kind written apart make an association the table lacks
    ("奈良県は市長会とも協定を結んでいますか", TODAY, True, ["いいえ", "奈良県町村会"]),
    # a person guessed after the topic, with an honorific
    ("第2回シンポジウムの基調講演って高橋一夫先生？", TODAY, True, ["はい"]),
    # a quoted value is the claim: the record is chosen by the rest
    (
        "令和3年度第1回全国連携展示のテーマは「縄文の大地 青森の魅力」でしたか？",
        TODAY,
        True,
        ["いいえ", "ぷらっと埼玉"],
    ),
    # the largest rise among the years asked, or all but those left out
    ("合計が元年度以降で前年度から最も増えたのは？", TODAY, True, ["2021年度", "+61"]),
    ("各区交流自治体の伸びが一番大きかった年度は？3年度は除いて", TODAY, True, ["2016年度", "+67"]),
    # 「例年のように」 claims it went as usual
    ("2021年の東北絆まつりは例年のように開催できた？", TODAY, True, ["いいえ"]),
    # a past month counted from today, said of a named record, is a claimed date
    (
        "9年前の今月って区政会館で埼玉県町村の展示やってた？",
        date(2026, 11, 29),
        True,
        ["いいえ", "2021年（令和3年）5月11日"],
    ),
    # 「何年度まで」 asks until when, whatever else the question says
    ("関係人口創出プロジェクトの事業は何年度までの予定？", TODAY, True, ["令和4年度まで"]),
    # a past month counted from today, with what is asked of the record then
    (
        "10年前の今月、大井競馬場であったねぎのイベントで産地出店者は何団体？",
        date(2026, 11, 29),
        True,
        ["28団体"],
    ),
    # a ward spelled in kana with its 区 (しんじゅくく): no leftover 「くの」 taken for a name
    ("しんじゅくくの事例報告をしたのは誰？", TODAY, True, ["北見"]),
    # a post the records give without the name of who held it
    ("東北六魂祭の開祭式に登壇した大田区長の名前は？", TODAY, False, ["大田区"]),
    # what is asked for by 「…の X を教えて」, when no record has X
    ("全国連携シンポジウムで棚野さんが話した内容の要旨を教えて", TODAY, False, ["要旨"]),
    # a person's post asked as 役職名
    ("品川区の柏原さんの役職名は？", TODAY, True, ["企画調整課長"]),
    # a body claimed before the aspect's word (「特別区長会の主催」); a record naming no 主催
    ("ぐんまの山村フェアって特別区長会の主催でしたっけ？", TODAY, True, ["はい"]),
    ("北海道MEGAグルメフェスは特別区長会の主催だった？", TODAY, True, ["いいえ", "特別区競馬組合"]),
    ("KITTEの魅力発信イベントの主催は特別区長会だった？", TODAY, False, ["主催"]),
    # a person's own talk, not the lecture meeting's theme
    ("指出さんの講演のテーマは？", TODAY, True, ["関係人口のつくり方"]),
    # a one-kanji noun the question makes the object (雪を)
    ("雪を使った事業をした区は？", TODAY, True, ["荒川区"]),
    # PJ for プロジェクト
    ("関係人口創出PJを始めたのはいつ？", TODAY, True, ["2020年（令和2年）4月1日"]),
    # 「…した日、X では」: X of that day, named by its own words
    ("全国連携ニュースの第4号が出た日、ほかに始まった催しは？", TODAY, True, ["十勝"]),
    # the next (or the one before) counted from a record named, not from today
    ("青森県町村会の次に協定を結んだ団体はどこですか", TODAY, True, ["千葉県町村会"]),
    ("損保ジャパンの次に包括連携協定を結んだ企業は？", TODAY, True, ["三井住友海上"]),
    ("東北絆まつり、仙台の次はどこで開催？", TODAY, True, ["盛岡"]),
    ("奈良県町村会との締結式の、ひとつ前の締結式はどこと？", TODAY, True, ["広島県町村会"]),
    ("北海道町村会の次に構成自治体数が多いのは？", TODAY, True, ["千葉県市長会"]),
    # 「何日ちがい」 asks the days between two named records
    ("群馬県市長会と埼玉県町村会の締結式って何日ちがい？", TODAY, True, ["15日"]),
    # a claim of how it went said last after the topic
    ("令和3年度第1回の講演会ってオンライン？", TODAY, True, ["はい"]),
    # a name within one of two phrases compared chooses its record
    ("千葉の市長会の締結式と山梨の締結式って同じ日？", TODAY, True, ["山梨県町村会"]),
    # a partner claimed the most, or one claimed to have more than another
    ("北海道町村会って構成自治体数いちばん多い？", TODAY, True, ["はい", "144"]),
    ("群馬県町村会のほうが群馬県市長会より構成自治体多いよね？", TODAY, True, ["いいえ", "群馬県市長会"]),
    # the topic claimed to be the noun a clause describes
    ("合計って、3つの区分をそのまま足した数？", TODAY, True, ["いいえ"]),
    # 「Xの日に何か…あった？」「X日に、ほかに何か」: the other records of that day
    ("千葉県町村会との締結式の日に何かイベントあった？", TODAY, True, ["いいえ"]),
    ("第一生命との協定締結の日に、ほかに何かあった？", TODAY, True, ["ほかに"]),
    # the days between two records named before and after から
    ("連携ニュースの創刊号から第2号まで何日かかった？", TODAY, True, ["336日"]),
    ("最初の協定締結から最後の協定締結まで何日かかった？", TODAY, True, ["1278日"]),
    # each kind of partner counted
    ("協定を結んだ市長会と町村会はそれぞれ何団体ですか", TODAY, True, ["市長会は4団体", "町村会は9団体"]),
    # a change as a rate
    ("合計は元年度から2年度で何パーセント増えた？", TODAY, True, ["+3.1%"]),
    # a noun asked of a record with no question word (「…銀行は？」)
    ("ビジネス交流会2018の特別協力の銀行は？", TODAY, True, ["七十七銀行"]),
    # two asks in one sentence joined by 「と、」: the first leads
    ("ぐんまの山村フェアの会場と、主催を教えて", TODAY, True, ["公開空地"]),
    # 「…でOK？」「…で大丈夫？」「…であってますか」 ask yes or no
    ("損保ジャパンとの締結式は令和元年5月31日でOK？", TODAY, True, ["はい"]),
    ("KITTEのイベントの参加自治体を「北海道・京都・沖縄」と書いたけど大丈夫？", TODAY, True, ["いいえ"]),
    ("合計の27→3年度の増加は+400であってますか", TODAY, True, ["いいえ", "+436"]),
    # what a partner is on record for, asked as a summary (まとめて); 「まとめて教えて」 is 「いっしょに」
    ("千葉県町村会についてまとめてください", TODAY, True, ["2017年（平成29年）1月19日"]),
    ("広島県町村会の構成自治体数と協定日をまとめて教えて", TODAY, True, ["2017年（平成29年）1月27日"]),
    # 「…できなかったのはなんで？」 asks the reason: the line that gives it
    ("2021年の東北絆まつりでポスター配布ができなかったのはなんで？", TODAY, True, ["新型コロナ"]),
    # a space typed between two kanji words keeps them apart when a kana word is respelled
    ("ろっこんさい当日 開祭式に登壇した区長はだれ？", TODAY, True, ["中野区長"]),
    # 「相手」 of a record named by its place: who took part in it, not the partners table
    ("品川区がしながわ水族館でやったイベントの相手の市はどこ？", TODAY, True, ["坂井市"]),
    # 「Xのあとに」 is the next after X; 「最初から順番に並べて」 lists them all in order
    ("広域連携協定で、千葉県町村会のあとに締結したのはどこ？", TODAY, True, ["広島県町村会"]),
    ("東北絆まつりの開催地を最初から順番に並べて", TODAY, True, ["4件"]),
    # 「Aしてから Bまで何日」: B without a name of its own is B of A's subject (第一生命の締結式); B that
    # names a record of its own is that record; 「Aから何日で Bした」 names B after the question word
    ("第一生命との協定案が区長会総会で確認されてから、締結式まで何日あった？", TODAY, True, ["17日後"]),
    ("東北六魂祭の協力・連携締結式から、ロゴマーク決定まで何日？", TODAY, True, ["34日後"]),
    ("ロゴマーク決定から何日でホームページが始まった？", TODAY, True, ["14日後"]),
    ("推進方針の公表からだいたいどれくらいで奈良と協定を結んだ？", TODAY, True, ["303日後"]),
    ("区長会の実施決定から最初の連携協定まで、どのくらいかかった？", TODAY, True, ["1年7か月"]),
    # a prefecture with partners, named with an agreement, is its partners' agreement
    ("群馬の広域連携協定はいつ？", TODAY, True, ["2018年（平成30年）4月16日"]),
    ("京都の次に連携協定を結んだのはどこ？", TODAY, True, ["青森県市長会"]),
    # 「AってBより先/後だった？」: the two records' days compared, はい or いいえ
    ("ロゴマークの決定って、六魂祭の締結式より後だった？", TODAY, True, ["はい"]),
    ("ホームページの運用開始は、ロゴマーク決定より先？", TODAY, True, ["いいえ"]),
    # 「増えてない」 is no rise; 「一つも」 is emphasis, not a figure; a row named alone is that row's
    ("各区交流自治体が前年度より一つも増えなかった年度はある？", TODAY, True, ["いいえ", "各区交流自治体は"]),
    ("HP会員登録自治体は2年度から増えてない？", TODAY, True, ["はい", "269自治体のまま"]),
    ("締結自治体が伸びていない年度は？", TODAY, True, ["広域連携協定 締結自治体", "2020年度"]),
    # a ward named beside a lecture meeting: its own report's line, not the meeting's theme
    ("平成29年度第2回の講演会で荒川区が報告したテーマは？", TODAY, True, ["奥の細道"]),
    # a date glued to a noun the records write with it is a name (平成30年7月豪雨), not a period
    ("平成30年7月豪雨の支援金拠出はいつ決めた？", TODAY, True, ["2018年（平成30年）8月6日", "豪雨"]),
    # a yes/no whose claim no record writes (and nothing a record could correct): neither yes nor no
    ("ホームページの会員登録には審査があるの？", TODAY, False, []),
    # a claimed person checked against the record of the kind named, and the role's own line
    ("第1回シンポジウムの基調講演は小田切先生でしたか？", TODAY, True, ["いいえ", "全国連携シンポジウム"]),
    ("最初のシンポジウムでコーディネーターを務めたのは西川会長ですよね？", TODAY, True, ["いいえ", "目黒"]),
    # English words: launch, date, decide, logo mark
    ("Twitter の launch date は？", TODAY, True, ["2021年（令和3年）1月"]),
    ("logo mark を decide したのはどの会議？", TODAY, True, ["区長会総会"]),
    # the partners that signed N years before a month named (「来年の2月で9周年」)
    ("来年の2月で協定から9周年になる団体は？", TODAY, True, ["奈良県町村会"]),
    # a rise of the agreements row between two years: the partners that signed in between
    ("締結自治体が29年度から30年度で増えたのはどの団体のぶん？", TODAY, True, ["群馬県市長会"]),
    # two asks joined by the te-form of やる (not the topic's って、), and a third after 「、それから」
    ("全国連携展示は全部で何回やって、奈良の展示は第何回？", TODAY, True, ["9回"]),
    (
        "奈良県町村会の担当です。構成自治体の数、それから協定を結んだ日を教えて",
        TODAY,
        True,
        ["27自治体", "2018年"],
    ),
    # 「…講演会で、」 (で: where) qualifies the one question, it does not begin another
    ("文化芸術がテーマの講演会で、荒川区から事例報告したのは誰？", TODAY, True, ["石崎"]),
    # a person's 講義 and its 題名 (read in kana too)
    ("おおえさんの講義の題名は？", TODAY, True, ["文化芸術による地域活性化"]),
    # 「何日あいた」 (Sudachi: あ い) asks the days between
    ("協定書案の確認から締結式まで何日あいた？北海道町村会の", TODAY, True, ["11日後"]),
    # a clause leading in about the asker's own plans: its date from today on dates nothing
    (
        "来週の会議の資料を作ってるんだけど、ロゴマークが決定した日付は？",
        TODAY,
        True,
        ["2015年（平成27年）6月16日"],
    ),
    ("報告資料を来週までに作成しておりまして、ロゴマークの決定日を教えてください", TODAY, True, ["2015年"]),
    # a self-introduction names the asker: its name is not asked about
    (
        "〇〇市役所の山田と申します。いつもお世話になっております。全国連携ニュースの創刊号はいつ出ましたか。",
        TODAY,
        True,
        ["2019年"],
    ),
    (
        "○○村総務課の鈴木でございます。恐れ入りますが、群馬県町村会との協定の締結日を教えてください。",
        TODAY,
        True,
        ["2018年"],
    ),
    # 「…の額」 is an amount, which the records do not give
    ("交付金の額を教えて", TODAY, False, []),
    # 「AからBまで何年何か月？」: the years between two records, not to today
    ("ロゴマーク決定から最後の協定締結まで何年何か月？", TODAY, True, ["4年4か月"]),
    # a side naming no subject of its own takes the other side's (神野先生's 区長会総会 talk)
    ("区長会総会での講演から神野先生の意見交換まで何日？", TODAY, True, ["85日前"]),
    # 「来月で…からちょうど10年になるよね？」: the years to the month named, checked
    (
        "来月で、浅草で最初の魅力発信イベントをやってからちょうど10年になるよね？",
        TODAY,
        True,
        ["はい", "10年"],
    ),
    # a sentence asking to check (「確認させてください。」) before a yes/no does not turn it into a request
    ("確認させてください。千葉県町村会の構成自治体数は20でしたよね？", TODAY, True, ["いいえ", "17自治体"]),
    # 「…って…同じ？」 asks yes or no; 「Aって、Bと同じ日？」 compares A with B
    ("青森県市長会と群馬県市長会って構成自治体数同じ？", TODAY, True, ["いいえ"]),
    ("ロゴマークの決定って、神野先生との意見交換と同じ日？", TODAY, True, ["いいえ"]),
    # a verb's noun in a title (閣議決定) does not outrank the line that says the project was decided
    (
        "特別区全国連携プロジェクトの実施って、正式に決まったのはいつ？",
        TODAY,
        True,
        ["2014年（平成26年）9月16日"],
    ),
    # 「AのB」 where the records name A but never write B: B is not recorded (no record of A instead)
    ("ホームページの管理者名わかる？", TODAY, False, []),
    # a date typed in kana
    ("れいわ1ねん10がつ26にち、何があった？", TODAY, True, ["2019年（令和元年）10月26日"]),
    # a prefecture said without 県 is its one partner when it has one (山梨 → 山梨県町村会)
    ("山梨とはいつ協定を結んだ？", TODAY, True, ["2019年（令和元年）10月26日"]),
    ("岩手で何かやった記録ある？", TODAY, True, ["はい", "岩手県"]),
    # a post no record writes: who holds it is not recorded; a post the records write is answered
    ("連絡会の事務局長はどなたですか", TODAY, False, ["事務局長"]),
    ("北海道町村会の会長って誰？", TODAY, True, ["棚野"]),
    # the weather of a day: the records never say it
    ("協定の締結式の日は晴れてましたか", TODAY, False, []),
    ("ねぎサミットの日の天気は？", TODAY, False, []),
    # a series said with its closing loanword clipped
    ("ねぎサミの会場どこ？", TODAY, True, ["大井競馬場"]),
    # a short word in kana between kanji, as Sudachi reads it (淹れかた → 淹れ方)
    ("宇治茶の販売こーなーってどこでやってた？", TODAY, True, ["1階"]),
    ("お茶の淹れかた講座はいつ？", TODAY, True, ["2017年（平成29年）8月25日"]),
    # a company's short name with the mark its full name has
    ("損保ジャパン株式会社との協定はいつ？", TODAY, True, ["2019年（令和元年）5月31日"]),
    # which places of a kind partner a named place, over its records; 特別区 asks which ward
    ("十勝と組んで事業をしている区は？", TODAY, True, ["台東区、墨田区です"]),
    ("山城地域と連携してるのはどの特別区？", TODAY, True, ["渋谷区です"]),
    # a yearly rise of the agreements row, asked as who joined in one year
    (
        "令和元年度に協定締結自治体が増えたのは、どこが新しく加わったから？",
        TODAY,
        True,
        ["千葉県市長会", "山梨県町村会"],
    ),
    # an edition of a series in a year after the records: not in them, even asked yes or no
    ("2024年度の全国連携展示に奈良が出る予定はありますか", TODAY, False, []),
    # a word of a theme asked as its キーワード
    ("十勝の展示のキーワードって何だった？", TODAY, True, ["十勝の空の下"]),
    # 「Aが…した日に、Bでは何を」: the day is A's, and B's record of that day is asked
    (
        "東京23区全国連携ニュースの創刊号が出た日に、区長会総会ではどんな確認をしていた？",
        TODAY,
        True,
        ["三井住友海上"],
    ),
    # romaji particles and question words between Japanese words
    ("六魂祭 no 締結式 wa itsu?", TODAY, True, ["2015年（平成27年）5月13日です"]),
    ("KITTE no イベント wa doko?", TODAY, True, ["会場は"]),
    # how long, asked after 「AからBまで」, asks the interval; a month-dated side gives years and months
    ("三井住友海上との締結式から損保ジャパン日本興亜との締結式までは何日？", TODAY, True, ["103日前"]),
    ("最初の広域連携協定から最後の広域連携協定までの期間は？", TODAY, True, ["1278日"]),
    ("ホームページを始めてからTwitterを始めるまで何年くらい？", TODAY, True, ["約5年7か月"]),
    ("青森県市長会と北海道町村会の締結日って何日はなれてる？", TODAY, True, ["60日"]),
    # a courtesy after the question names nothing and asks nothing: the question is read alone
    (
        "群馬県町村会の協定は2018年4月16日でよかったでしょうか？資料に使うので念のためご確認ください。",
        TODAY,
        True,
        ["はい"],
    ),
    (
        "奈良県町村会と結んだのは平成30年2月21日で間違いない？お手数ですが確認お願いします。",
        TODAY,
        True,
        ["はい"],
    ),
    # a number of times claimed is checked against the count of the records
    ("全国連携シンポジウムって3回開かれたんだっけ？", TODAY, True, ["いいえ", "2回"]),
    ("全国連携講演会は合計7回で合ってる？", TODAY, True, ["はい", "7回"]),
    # the partners' signing ceremonies counted as occasions, not as partners
    ("団体との連携協定締結式は何度行いましたか", TODAY, True, ["8回"]),
    # a post the records write with no one's name: the name is not recorded
    ("第2回シンポジウムで基調講演をしたのはなんという方？", TODAY, True, ["高橋"]),
    ("久慈市から来た政策推進課長さんは誰？", TODAY, False, ["名前は書かれていません"]),
    # brackets after a verb say it another way: their words do not narrow the list
    ("平成30年8月に開かれた（参画した）行事を全部教えて", TODAY, True, ["3件"]),
    # a person asked of another record on that day: the record the person is in is not the day's anchor
    ("ホームページが始まった日に会長を訪問した市長は？", TODAY, True, ["穂積"]),
    ("ホームページ運用開始日に会長を訪ねてきた市長は誰でしたか", TODAY, True, ["穂積"]),
    # 「…はいつ？その日の…」: the day the first question answers, asked of in the second
    ("全国連携ニュースの創刊号はいつ？その日の区長会総会では何があった？", TODAY, True, ["三井住友海上"]),
    # an interval between two editions of a series, the first said after a comma
    ("京都の推進委員会、第1回から第3回まで何日？", TODAY, True, ["143日後"]),
    # 「案を確認してから締結まで」: the step named with て is a side of the interval
    ("群馬県市長会との協定締結案を総会で確認してから締結式まで何日？", TODAY, True, ["31日"]),
    # a refuted claim about a person: the record the person is in follows
    (
        "全国連携講演会で熊倉純子先生が話したのは、SDGsの回でしたか？",
        TODAY,
        True,
        ["いいえ", "2017年（平成29年）12月5日"],
    ),
    # できた → 創設; committee → 委員会; 「協定で連携してる自治体」 is the agreements row; 合計数 is the table's
    ("助成金の制度ができたのはいつですか", TODAY, True, ["2015年（平成27年）7月16日"]),
    ("京都との推進 committee は何回開催？", TODAY, True, ["3回"]),
    ("協定で連携してる自治体数は令和元年度から2年度でどれだけ増えた？", TODAY, True, ["広域連携協定"]),
    ("連携自治体の合計数が初めて1000をこえた年度は？", TODAY, True, ["2019年度（令和元年度）"]),
    # a record that calls itself the first answers 「…の最初の例」 whatever its date
    ("HPの掲示板を使った連携で一番最初のものは？", TODAY, True, ["坂井市"]),
    # a いま in a sentence before the question tells the asker's situation, it does not ask now
    (
        "いま年表を作っています。ロゴマークが決まったのはいつでしたか。",
        TODAY,
        True,
        ["2015年（平成27年）6月16日"],
    ),
    # a loanword of the records typed in hiragana (ついったー → Twitter)
    ("ついったーの運用はいつから？", TODAY, True, ["2021年（令和3年）1月"]),
    # a reason added after the request asks nothing (初めて is not 「最初の」)
    ("KITTEの住所を教えてください。初めて行くので", TODAY, False, []),
    # 「X県の町村会」 is the association X県町村会, which the records may lack
    ("福岡県の市長会とも協定を結ぶ予定はありますか？", TODAY, False, ["福岡県市長会"]),
    # a quoted sentence with a date the records do not write states that date: a claim to check
    (
        "資料に「群馬県町村会との協定は平成30年4月6日締結」と書きましたが、合っていますか？",
        TODAY,
        True,
        ["いいえ", "4月16日"],
    ),
    ("「千葉県町村会と平成29年1月19日締結」で正しいですか", TODAY, True, ["はい"]),
    # intervals and lengths (seventh session)
    (
        "あおもりけんしちょうかいと ぐんまけんちょうそんかいの きょうていは なんにち はなれてる？",
        TODAY,
        True,
        ["660日", "はなれています"],
    ),
    ("北海道の十勝の展示は何日間の開催でしたか", TODAY, True, ["38日間"]),
    ("ねぎサミット2016は何日間？", TODAY, True, ["2日間"]),
    ("HPの運用開始はロゴマーク決定の何日後？", TODAY, True, ["14日後"]),
    ("奈良県町村会から協定の申し入れがあったのはいつ？", TODAY, True, ["2017年（平成29年）12月15日"]),
    ("実施決定からロゴマーク決定まで何日？", TODAY, True, ["273日"]),
    ("最初の協定締結から最後の協定締結まで、期間でいうとどれくらいでした？", TODAY, True, ["1278日"]),
    # words the records never state, claims checked on a day, a reason after the question
    ("東北六魂祭2016の当日、天気はどうだった？", TODAY, False, []),
    ("ねぎサミットの当日って雨だった？", TODAY, False, []),
    ("ホームページの運用が始まった日、区長会総会もあった？", TODAY, True, ["いいえ", "6月30日"]),
    ("群馬県町村会との協定、今年で8周年って本当ですか", TODAY, True, ["はい", "8年"]),
    ("婚活イベントは損保ジャパンと一緒にやったの？", TODAY, True, ["いいえ", "損保ジャパン"]),
    (
        "山梨県町村会といつ協定を結んだんだっけ。再来年の資料に書きたくて",
        TODAY,
        True,
        ["2019年（令和元年）10月26日"],
    ),
    # the yearly table's rises, records counted with いくつ, a person's own talk, companies and days
    ("HP会員登録自治体が前の年度から48増えたのはどの年度？", TODAY, True, ["2016年度"]),
    ("協定締結自治体が前年度より85増えたのは何年度だっけ", TODAY, True, ["2018年度"]),
    ("合計が前年度より100以上増えたのは何年度？", TODAY, True, ["2016年度"]),
    ("東北絆まつりへの協力っていくつある？", TODAY, True, ["4回"]),
    ("展示っていくつある？", TODAY, True, ["9回"]),
    ("熊倉純子先生の講演タイトルを教えて", TODAY, True, ["地域参加型アートプロジェクトの可能性"]),
    ("神野先生の講演のタイトルは？", TODAY, True, ["地方分権と地域間連携について"]),
    ("包括連携協定を結んだ企業ってどこ？いつ？", TODAY, True, ["3社"]),
    # seventh session: exclusion said another way, a wish about the answer's form, how many more,
    # a person's private facts, 「間は何日」, editions of a series numbered anew each 年度, a plan told
    # before the question, 「N周年になりますか」
    ("青森県市長会を別にすると、構成自治体がいちばん少ない協定先は？", TODAY, True, ["青森県市長会以外"]),
    (
        "2019年中に協定を結んだ団体を全部教えてください。締結日もあるとうれしいです",
        TODAY,
        True,
        ["千葉県市長会"],
    ),
    ("令和3年度の合計は平成28年度の合計より何自治体多いですか", TODAY, True, ["218"]),
    ("千葉県市長会は群馬県市長会より何団体多い？", TODAY, True, ["14"]),
    ("神野先生は講演のとき何歳だった？", TODAY, False, []),
    ("西川会長の出身はどちらですか", TODAY, False, []),
    ("広島県町村会と奈良県町村会の締結式、間って何日？", TODAY, True, ["390日"]),
    ("令和元年度の第1回と第2回の全国連携講演会は何日あいた？", TODAY, True, ["175日"]),
    ("魅力発信イベントの第2回と第3回の間は何日？", TODAY, True, ["5日"]),
    (
        "来年度に交流イベントを企画しています。大井競馬場で魅力発信イベントをやったのはいつ？",
        TODAY,
        True,
        ["2019年（令和元年）10月14日"],
    ),
    ("京都府町村会との協定は再来年で10周年になりますか？", TODAY, True, ["いいえ"]),
    ("群馬県市長会との協定、再来年で10周年になりますか？", TODAY, True, ["はい"]),
    ("三井住友海上さんと協定を結んだ日はいつ？", TODAY, True, ["2019年（令和元年）9月11日"]),
    ("損保ジャパンと結んでから三井住友海上と結ぶまで何日？", TODAY, True, ["103日"]),
    ("全国連携展示をまだ一度もやっていない県はどこですか", TODAY, True, ["山梨県"]),
    ("@here 以前、災害の支援金を出したことってあったか分かる人いますか", TODAY, True, ["大阪府北部"]),
    ("講演会のlive streamingは何でやった？", TODAY, True, ["YouTube"]),
    ("3年前の今ごろ（11月あたり）にあった行事をざっと", date(2024, 11, 29), True, ["食材フェア"]),
    ("京都やましろ地域の市町村数を教えて", TODAY, True, ["12"]),
    ("ねぎの全国的な集まりで、産地から出店したのって何団体？", TODAY, True, ["28団体"]),
    ("2回目のシンポジウムでパネルディスカッションに出た区を教えて", TODAY, True, ["港区", "品川区"]),
    ("神野さんってこのプロジェクトの顧問？", TODAY, True, ["はい"]),
    ("大杉覚先生って荒川区長だった？", TODAY, True, ["いいえ"]),
    ("北海道町村会って構成自治体数？", TODAY, True, ["144"]),
    ("R2のオンライン講演会で基調講演したのは誰？", TODAY, True, ["広井"]),
    ("H30の全国連携展示を全部", TODAY, True, ["2019年（平成31年）1月8日"]),
    (
        "2015年の北海道町村会との物産展、第1弾から第3弾まで、それぞれどこで？",
        TODAY,
        True,
        ["にっぽり", "すぎなみ"],
    ),
    ("全国連携展示をしたことがない協定先ってある？", TODAY, True, ["千葉県市長会", "山梨県町村会"]),
    ("舞鶴の水源の里シンポジウム、パネルに事務局から誰か参加した？", TODAY, True, ["はい", "調査第1課長"]),
    ("群馬県市長会の構成自治体数って、埼玉県町村会と同じだったっけ？", TODAY, True, ["はい"]),
    ("山梨県町村会の全国連携展示はいつでしたか", TODAY, False, []),
    ("杉並区の交流自治体数はいくつ？", TODAY, False, []),
    ("第一生命と組んだ2018年のビジネス交流会、会場はどこ？", TODAY, True, ["TKP"]),
    ("十勝の展示のキャッチフレーズは？", TODAY, True, ["十勝の空の下"]),
    ("平成30年7月の豪雨への支援金を確認した総会はいつ？", TODAY, True, ["2018年（平成30年）8月6日"]),
    (
        "京都との委員会の成果をまとめたプロジェクトを公表したのはいつ？",
        TODAY,
        True,
        ["2017年（平成29年）5月2日"],
    ),
    ("京都府市長会や町村会との推進委員会は何回開催された？", TODAY, True, ["3回"]),
    ("奈良県は市長会と町村会の両方と協定を結んでいますか？", TODAY, True, ["いいえ", "奈良県町村会だけ"]),
    ("鶴居村と協定を締結したのはいつですか", TODAY, False, []),
    ("白糠町とも協定を結んでる？", TODAY, True, ["いいえ"]),
    ("青森県町村会の構成自治体数は、協定団体全体の半分を超えていますか", TODAY, True, ["いいえ"]),
    (
        "京都府市長会・町村会との推進委員会、第1回から第3回の日付は？",
        TODAY,
        True,
        ["2016年（平成28年）10月31日"],
    ),
    ("What day of the week was the 奈良県町村会 agreement signed?", TODAY, True, ["水曜日"]),
    (
        "プロジェクトの実施を決めた総会の日付を確認させてください。",
        TODAY,
        True,
        ["2014年（平成26年）9月16日"],
    ),
    ("ねぎサミット2016は何時から始まった？", TODAY, False, []),
    ("京都府との連携協力推進委員会、1回目は京都開催だった？", TODAY, True, ["いいえ", "東京開催"]),
    ("京都の展示のときのお茶の淹れ方講座は何曜日？", TODAY, True, ["金曜日"]),
    ("東北絆まつり、これまでの開催地と日程を年ごとに", TODAY, True, ["4件"]),
    ("埼玉県町村会との協定は、群馬県町村会より前ですか、後ですか？", TODAY, True, ["後です"]),
    ("特別区長会が協定を結んでいる相手は全部で何団体？", TODAY, True, ["13団体"]),
    ("京都との推進委員会の第3回、議題の4番目は？", TODAY, True, ["今後の進め方"]),
    ("まるごとにっぽんの所在地を教えて。はじめて行くので", TODAY, True, ["台東区浅草2-6-7"]),
    (
        "広報誌に「千葉県町村会との協定締結は平成29年1月27日」と書きましたが、合っていますか。",
        TODAY,
        True,
        ["いいえ"],
    ),
    ("資料にねぎサミットの産地出店者を「25団体」と書きました。記録と合ってますか", TODAY, True, ["いいえ"]),
    ("青森県は市長会と町村会、どちらが先に特別区長会と協定を結んだ？", TODAY, True, ["同じ日"]),
    ("三井住友海上との包括連携協定、区長会総会で案を確認してから締結まで何日？", TODAY, True, ["180日"]),
    ("「平成28年6月30日、北海道町村会と連携協定を締結した」という記述は正しい？", TODAY, True, ["いいえ"]),
    ("埼玉の物産展に行ったけど、埼玉県町村会の構成自治体って23で合ってる？", TODAY, True, ["はい", "23"]),
    (
        "協定先でいちばん大所帯のところと、いちばんこぢんまりしたところは？",
        TODAY,
        True,
        ["北海道町村会", "広島県町村会"],
    ),
    ("西川会長の携帯の番号は？", TODAY, False, []),
    ("奈良をめぐる展示って最終日はいつでしたか", TODAY, True, ["2020年（令和2年）2月13日"]),
    ("奈良県町村会との協定は何年ごとに更新？", TODAY, False, []),
    (
        "第一生命と一緒に婚活パーティーをやったって聞いたけど本当？会場も知りたい",
        TODAY,
        True,
        ["はい", "大井競馬場"],
    ),
    ("プロジェクトを決めた頃、市町村向けに調査みたいなこともしてた？", TODAY, True, ["アンケート"]),
    ("千葉県の2団体、構成自治体数を合わせるといくつ？", TODAY, True, ["54"]),
    ("合計の増え方が2番目に大きかった年度は？", TODAY, True, ["2021年度"]),
    ("2017と2019の連携自治体数の合計を教えて", TODAY, True, ["926"]),
    ("十勝地域って町と村がいくつずつ？", TODAY, True, ["16町"]),
    (
        "コッペパン祭りをやった浅草のイベントで、協定締結地域の自治体は何自治体参加した？",
        TODAY,
        True,
        ["321"],
    ),
    ("京都府の2団体の次に協定を結んだのはどこ？", TODAY, True, ["青森県市長会", "2016年（平成28年）6月25日"]),
    ("千葉県市長会の次に大きい協定先は？", TODAY, True, ["青森県町村会"]),
    ("構成自治体が三十以上の協定先はいくつ？", TODAY, True, ["3団体"]),
    ("群馬県市長会って二十三自治体で合ってる？", TODAY, True, ["はい"]),
    # a figure quoted from a draft with its counter: the record's figure in that counter refutes it
    ("資料に「ねぎサミットの産地出店者は35団体」と書いたけど合ってる？", TODAY, True, ["いいえ", "28団体"]),
    ("メモに「ねぎサミットの出店は産地の28団体」とあるけどそれでいい？", TODAY, True, ["はい", "28団体"]),
    # an interval asked in years or months with a word of the gap (離れる, 空く, かかる, 差): those first
    ("京都府市長会と千葉県市長会の協定、何年はなれてる？", TODAY, True, ["3年6か月", "1278日"]),
    ("ニュース第2号と第3号は何か月あいてる？", TODAY, True, ["10か月"]),
    # a category listed beside a verb of holding (「開催や参画」) narrows nothing: every record of the month
    ("2018年10月に開催や参画をしたイベントを全部並べて", TODAY, True, ["5件"]),
    # a draft's figure of a rise, stated without a question mark (「…とありますが、確認をお願いします」)
    (
        "メモに「HP会員登録自治体は28年度から30年度で100自治体増えた」とありますが、確認をお願いします。",
        TODAY,
        True,
        ["いいえ", "+64"],
    ),
    (
        "メモに「HP会員登録自治体は28年度から30年度で64自治体増えた」とありますが、確認をお願いします。",
        TODAY,
        True,
        ["はい", "+64"],
    ),
    # which came first, and the interval asked beside it in one sentence
    (
        "奈良県町村会と埼玉県町村会、どっちが先に協定を結んで、何日あいてる？",
        TODAY,
        True,
        ["奈良県町村会が先", "69日"],
    ),
    # the one partner named, left out with words between (「…は別格だから外して」); 満たない is 未満
    (
        "北海道町村会は別格だから外して、構成自治体がいちばん多いのはどこ？",
        TODAY,
        True,
        ["千葉県市長会", "37"],
    ),
    ("構成自治体が12に満たない団体は？", TODAY, True, ["京都府町村会", "広島県町村会"]),
    # the same day as a series of many records: the one on that day (東北六魂祭2016 青森), not its first
    (
        "青森県市長会との協定式の日は、六魂祭の開催日と重なってた？",
        TODAY,
        True,
        ["はい", "2016年（平成28年）6月25日"],
    ),
    # the next of a series after the record a place picks, the series named without a comma
    ("東北絆まつり仙台の次の開催地は？", TODAY, True, ["盛岡"]),
    # how many times, asked beside a quoted phrase: the records the count path counts (subjects.subject_events)
    (
        "特別区制度懇談会で「これまでのプロジェクトの取り組み状況」の報告が行われたのは何回？",
        TODAY,
        True,
        ["8回"],
    ),
    # a keyed part named as the topic of a bare question word: the sponsor, not the venue どこ asks
    ("地域創生ビジネス交流会2018の後援ってどこでしたか", TODAY, True, ["後援", "東京都"]),
    ("北海道MEGAグルメフェスの協賛はどこ？", TODAY, True, ["協賛", "雪印メグミルク"]),
    # a date counted from today said after the topic is the claim checked, not the period searched
    ("ロゴマークが決まったのって9年前だったよね？", TODAY, True, ["いいえ", "2015年"]),
    # an adjective typed in kana is read as said (おおい: 多い, not 大井)
    ("構成自治体数で千葉県市長会の次におおいのはどこ？", TODAY, True, ["青森県町村会", "30"]),
    # a rank in a ranking (3位), and a sum written with +
    ("構成自治体数ランキングの4位はどこ？", TODAY, True, ["4番目", "奈良県町村会"]),
    ("青森県市長会+青森県町村会で構成自治体はいくつ？", TODAY, True, ["40"]),
    # a lecture's theme asked after a comma, not the speaker's talk
    ("広井先生が講演した講演会、テーマは何でしたか", TODAY, True, ["テーマ", "関係人口"]),
    # a procedure or a term of validity: the records, a history, hold none
    ("全国連携展示に出展したいのですが、どうやって申し込めばいいですか", TODAY, False, ["手続き"]),
    ("三井住友海上との包括連携協定はいつまで有効？", TODAY, False, ["協定の期間"]),
    # a body claimed of the line the question's own words point to: checked on that line (not anywhere)
    ("「奥の細道千住あらかわサミット」の事例を報告したのは新宿区だっけ？", TODAY, True, ["いいえ", "荒川区"]),
    ("「奥の細道千住あらかわサミット」の事例を報告したのは荒川区だっけ？", TODAY, True, ["はい", "荒川区"]),
    # the yearly table's agreement row named by a clause (協定を締結した自治体), checked in a year it is empty
    ("平成27年度の時点で協定を締結した自治体ってあったっけ？", TODAY, True, ["いいえ"]),
    # a place or floor claimed of an item a record lists is checked against that item's own venue
    ("宇治茶販売コーナーは3階の教室だった？", TODAY, True, ["いいえ", "1階エントランスホール"]),
    ("お茶の淹れ方講座の会場は3階でしたか", TODAY, True, ["はい"]),
    # a name a record of how it was done does not write (Zoom) is claimed too: いいえ, and how it was
    ("令和2年度の講演会はオンラインで、Teamsで配信されましたか", TODAY, True, ["いいえ", "YouTube"]),
    # a yes/no numbering the one record of a series wrongly: いいえ and its number (not "not recorded")
    ("全国水源の里シンポジウムって第11回だったっけ？", TODAY, True, ["いいえ", "第12回"]),
    ("平成29年度の第1回全国連携講演会はいつでしたか", TODAY, False, ["第1回"]),
    # a partner's share of every partner's members, in % and tenths
    ("奈良県町村会は構成自治体全体の何パーセント？", TODAY, True, ["7.3％"]),
    ("青森の市長会と町村会で全体の何割を占めますか", TODAY, True, ["約1割"]),
    # one partner against the partner at a place of the members order: their difference
    ("千葉県市長会は3番目に多い団体より何自治体多い？", TODAY, True, ["7自治体"]),
    # figures claimed of a name alone: the record writing figures in those counters checks them
    ("やましろ地域って5市6町1村だったっけ？", TODAY, True, ["はい", "5市・6町・1村"]),
    ("十勝地域は17町1村でしたか", TODAY, True, ["いいえ", "16町・2村"]),
    # a verb written in kana is read as the vocabulary's word (のびる → 伸びる)
    ("HP会員登録自治体がいちばんのびたのは何年度？", TODAY, True, ["2016年度"]),
    # 何 before a verbal noun done (何確認した) asks what, not how many
    ("2019年4月26日の総会では何確認した？", TODAY, True, ["東北絆まつり2019福島PR"]),
    # an introduction naming an association the records lack, and its 当会: declined
    ("長崎県町村会でございます。当会の協定締結日を教えてください", TODAY, False, ["長崎県町村会"]),
    ("長崎県町村会の者です。協定はいつ？", TODAY, False, ["長崎県町村会"]),
    # a row of the yearly table named after the HP (全国連携ホームページの会員登録自治体数)
    ("全国連携ホームページの会員登録自治体数が最も多かった年度は？", TODAY, True, ["269自治体"]),
    # a yes/no question first, a question word after: はい/いいえ first
    ("合計は3区分を足しただけの数？何月現在？", TODAY, True, ["いいえ"]),
    # 年末 of a year: its December
    ("2019年の年末に閣議決定されたのは？", TODAY, True, ["2019年（令和元年）12月20日"]),
    # a date and a kind name the record; the place claimed of it is checked, it does not pick another
    (
        "2021年2月の講演会は区政会館の会議室で開かれましたか",
        TODAY,
        True,
        ["いいえ", "2021年（令和3年）2月10日"],
    ),
    ("東北絆まつり2021は普段通りに協力できた？", TODAY, True, ["いいえ", "縮小"]),
    # a name the title writes another way (Ranzan) names the record, not one of its lines
    ("Ranzanのラベンダーイベントはどこの会の関連事業？", TODAY, True, ["埼玉県町村会関連事業"]),
    # 「…日から開始した」: begun that day, not any day since
    ("2020年4月1日から開始した事業は？", TODAY, True, ["関係人口創出プロジェクト"]),
    # a person asked by the place they came from: the one of the line's people whose post names it
    ("美幌町から来て講演会で報告した人は誰？", TODAY, True, ["小室"]),
    # the name of an event whose title is short: what its first line names
    ("釧路管内との最初の連携イベントの名前は？", TODAY, True, ["にっぽりマルシェ"]),
    # companies counted at one record: not written, so not found; counted by the agreements: 3社
    ("ビジネス交流会2018には何社が参加しましたか", TODAY, False, ["社"]),
    ("包括連携協定は何社と結んでいますか", TODAY, True, ["3社"]),
    # the other party of an agreement that no record writes (a company Sudachi calls a common noun)
    ("楽天との包括連携協定はいつ結んだ？", TODAY, False, ["楽天"]),
    # 「N年前の今ごろ」 of a record the question names, a little more than a week from the day
    (
        "8年前の今ごろホームページで始まった京都のコーナーは何？",
        date(2025, 7, 9),
        True,
        ["京都府市町村魅力発信コーナー"],
    ),
    # a past period holding the record names it; the years are counted to today
    ("10年前の春に北海道町村会と協定を結んで、今日で何年？", date(2026, 7, 10), True, ["10年"]),
    # a claim hedged at the end (…だった気がするんですが…) is checked like a yes/no question
    (
        "青森県町村会との協定は平成27年だった気がするんですが…",
        TODAY,
        True,
        ["いいえ", "2016年（平成28年）6月25日"],
    ),
    # a loanword in katakana (キーノート) is read as the records' word
    ("令和元年7月の講演会のキーノートはどなた？", TODAY, True, ["藤野"]),
    # 「…できたんですか」 of a record that says it could not
    ("絆まつり2021では、各区でチラシを配ったりできたんですか", TODAY, True, ["いいえ"]),
    # an association of a prefecture spelled in kana that the table lacks
    ("ふくおか県市長会との協定はいつ？", TODAY, False, ["ふくおか県市長会"]),
    # a terse name and an order word: the first of them
    ("全国連携ニュース 創刊", TODAY, True, ["2019年（平成31年）3月15日"]),
    # a person asked of a record that names none
    ("ロゴマークを考えた人の名前は？", TODAY, False, []),
    # a quoted title with ○ for its number counts the records of that pattern
    ("「北海道町村会との連携(第○弾)」は全部で何回？", TODAY, True, ["3回"]),
    # 「Xと同じ日に…Y」: X names the day, Y is asked of that day's other record
    ("協定締結式と同じ日にあったシンポジウムの基調講演は誰？", TODAY, True, ["大杉"]),
    # two records compared by venue, not by day
    ("ねぎサミットと北海道MEGAグルメフェスって、同じ会場でしたか", TODAY, True, ["はい", "大井競馬場"]),
    # 「…のあと、最初の…」: the first after a day
    ("9年前の今日のあと最初の区長会総会はいつ？", date(2026, 8, 1), True, ["2017年（平成29年）8月7日"]),
    # a row of the yearly table at a day counted from today: that day's 年度
    ("6年前の今日、広域連携協定の締結自治体は何自治体あった？", date(2026, 8, 1), True, ["372自治体"]),
    # the partners' regions counted
    ("協定先がある県はいくつ？", TODAY, True, ["9地域"]),
    ("協定先っていくつあるの？", TODAY, True, ["13団体"]),
    # figures claimed of several partners: each a partner's members or their total
    ("群馬は市長会12・町村会23で計35だよね？", TODAY, True, ["いいえ", "群馬県市長会23自治体"]),
    ("京都府は市長会15と町村会11で合計26で合ってる？", TODAY, True, ["はい", "合計26自治体"]),
    # a 「いつ」 asked first of a record that gives no day: that, then the rest asked
    ("第2回のシンポジウムって何年？あと基調講演の先生も", TODAY, True, ["日付の記載がありません"]),
    # yes/no endings of western Japan and Tohoku (…やんな？ …だべ？)
    ("千葉県市長会の構成自治体数って27やんな？", TODAY, True, ["いいえ", "37自治体"]),
    # 「N年前の年度」: the 年度 N before this one
    ("10年前の年度の合計は？", date(2028, 3, 15), True, ["926自治体"]),
    # a compound the records write apart (実施決定: 実施を決定)
    ("プロジェクトの実施決定はいつ？", TODAY, True, ["2014年（平成26年）9月16日"]),
    # a hint after the question (…何でした？お茶っぽいやつ) asks nothing of its own
    ("平成29年度の第1回全国連携展示のテーマ何でした？お茶っぽいやつ", TODAY, True, ["お茶の京都"]),
    # a day claimed of the one of a person's records that the question's words pick
    (
        "神野先生に顧問をお願いしたのは2015年6月23日でしたっけ？",
        TODAY,
        True,
        ["いいえ", "2015年（平成27年）9月16日"],
    ),
    # the region counted said as the subject (…には、協定を結んだ地域がいくつ参加した？)
    ("2016年12月の魅力発信イベントには、協定を結んだ地域がいくつ参加した？", TODAY, True, ["3地域"]),
    # a person from an association, on a line of their own with the post in brackets; 何市の asks which
    ("2016年のシンポジウムに北海道町村会から出てたパネリストは何町の町長？", TODAY, True, ["白糠町長"]),
    # 「Xの日って、Yもやってた？」: the other records of X's day, checked for Y
    (
        "北海道町村会との締結式の日って、シンポジウムもやってた？",
        TODAY,
        True,
        ["はい", "全国連携シンポジウム"],
    ),
    # a word of what the table's figure means (考え方) is no attribute the records lack
    ("推移表の2年度の合計は、どういう考え方で出した数ですか", TODAY, True, ["重複"]),
    # whether the records name the holder of a post: they write the post only
    ("開祭式に登壇した大田区長のお名前って記録に載ってますか", TODAY, False, ["大田区の区長"]),
    # a potential verb (配れた) claims it could be done: the record says it could not
    ("2021年の東北絆まつりでは、各区でチラシを配れたの？", TODAY, True, ["いいえ", "かなわなかった"]),
    # ほかに of one meeting's agenda: its other items, not the other records of that day
    ("2017年12月15日の区長会総会では、埼玉県知事の座談会のほかに何を扱った？", TODAY, True, ["奈良県町村会"]),
    # a set phrase (記念すべき) decorates: its words search for nothing, and ask no opinion
    ("記念すべき最初の魅力発信イベントに参加した自治体は？", TODAY, True, ["北海道・京都・青森"]),
    # two acts of one topic said once, each day in turn (the comma after と, not the topic's)
    (
        "推進方針について、総会で案を確認した日と、公表した日をそれぞれ教えて",
        TODAY,
        True,
        ["2017年（平成29年）3月16日", "2017年（平成29年）4月24日"],
    ),
    # an introduction closed by an emoji, its period the asker's own
    ("今年度から白糠町の担当になりました🙇 北海道町村会と協定を結んだのはいつ？", TODAY, True, ["2016年"]),
    # a day with one record, and the undated row the source writes right after it (maybe that day)
    ("2017年1月19日には締結式のほかに何があった？", TODAY, True, ["だけです", "第2回全国連携シンポジウム"]),
    # 「何日現在」 asks the day the yearly table counts at, not what runs today
    ("推移表の数は何月何日現在のもの？", TODAY, True, ["8月1日"]),
    # 何区 asks how many and which: the names, then how many
    ("雪の活用の連携事業は何区でやった？", TODAY, True, ["荒川区、江東区、品川区の3区"]),
    # 「…した日を教えて」 asks the day: a sub-item's own, in both calendars
    ("千葉県特産品販売をした日を教えて", TODAY, True, ["2017年（平成29年）12月21日"]),
]


def test_a_part_the_records_do_not_hold_is_said_beside_the_part_they_do(engine: Engine) -> None:
    """「登壇した区長と、来場者数わかる？」: the first part answered, the second said to be unrecorded."""
    answer = engine.ask("2015年の六魂祭で開祭式に登壇した区長さんと、当日の来場者数わかる？", today=TODAY)
    assert answer.found
    assert "中野区長" in answer.summary.split("\n", 1)[0]
    assert any("来場者" in note and "書かれていません" in note for note in answer.notes)


@pytest.mark.parametrize(("question", "today", "found", "head"), CASES)
def test_the_first_line_holds_the_asked_fact(
    engine: Engine, question: str, today: date, found: bool, head: list[str]
) -> None:
    answer = engine.ask(question, today=today)
    first = answer.summary.split("\n", 1)[0]
    assert answer.found is found, (question, answer.summary)
    for fragment in head:
        assert fragment in first, (question, first)


def test_a_series_list_names_the_editions_only_other_rows_mention(engine: Engine) -> None:
    """東北絆まつり2020 (山形) has no record of its own: the 区長会総会 rows say it was postponed."""
    answer = engine.ask("東北絆まつりはこれまでどこで開かれてきた？", today=TODAY)
    text = "\n".join(line.text for line in answer.lines)
    assert "仙台" in answer.summary
    assert "東北絆まつり 2020 山形の延期" in text
    assert not any("2019" in line.text and "ほかの記録" in line.text for line in answer.lines)


def test_a_list_asked_whole_is_not_cut(engine: Engine) -> None:
    """「全部挙げて」: every record at the place is shown, none hidden behind 「ほか N 件」."""
    whole = engine.ask("大井競馬場でやったイベントを全部挙げて", today=TODAY)
    plain = engine.ask("大井競馬場でやったイベントは？", today=TODAY)
    assert whole.show_all and not plain.show_all
    assert len(whole.record_ids) > 5
