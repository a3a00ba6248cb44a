#!/usr/bin/env bash
# gen-corpus.sh - write a benchmark corpus of joint-statement drafts.
#
# Usage: bench/gen-corpus.sh [OUTDIR [COUNT [SEED]]]
#        (defaults: bench/corpus, 1000, 20110609)
#
# Each draft is built by recombining a title, a date line, an opening
# paragraph, numbered sections with paragraphs, bullets and numbered items,
# and a closing paragraph, for two fictional governments.  The choices come
# from a linear congruential generator seeded with SEED, so the same SEED
# gives the same corpus, byte for byte, on every machine.  About one draft in
# five is Markdown with YAML front matter; a few drafts carry the defects
# stmtlint looks for (a wrong weekday, an ordinal date, a mixed bullet, a
# heading without its colon), as real drafts do.
# The text pools are read through the nameref in pick().
# shellcheck disable=SC2034
set -euo pipefail

outdir=${1:-bench/corpus}
count=${2:-1000}
seed=${3:-20110609}

# ---- the generator -------------------------------------------------------

rng=$seed
# rand N: sets r to a number in [0, N).
rand() {
	rng=$(( (rng * 1103515245 + 12345) % 2147483648 ))
	r=$(( (rng >> 8) % $1 ))
}
# pick ARRAY-NAME: sets p to a random element of the array.
pick() {
	local -n arr=$1
	rand ${#arr[@]}
	p=${arr[$r]}
}
# pick_new ARRAY-NAME: like pick, but never an element picked since the last
# call of forget (the arrays hold more elements than a draft uses).
used="|"
pick_new() {
	pick "$1"
	while [[ $used == *"|$p|"* ]]; do
		pick "$1"
	done
	used+="$p|"
}
forget() {
	used="|"
}

# ---- dates ----------------------------------------------------------------

months=(January February March April May June July August September October November December)
weekdays=(Sunday Monday Tuesday Wednesday Thursday Friday Saturday)
mdays=(31 28 31 30 31 30 31 31 30 31 30 31)

# days_in MONTH(1-12) YEAR: sets dim.
days_in() {
	dim=${mdays[$(( $1 - 1 ))]}
	if (( $1 == 2 && ($2 % 4 == 0 && ($2 % 100 != 0 || $2 % 400 == 0)) )); then
		dim=29
	fi
}
# weekday_of Y M D: sets wd (0 = Sunday), Sakamoto's method.
sakamoto=(0 3 2 5 0 3 5 1 4 6 2 4)
weekday_of() {
	local y=$1
	(( $2 < 3 )) && y=$(( y - 1 ))
	wd=$(( (y + y / 4 - y / 100 + y / 400 + ${sakamoto[$(( $2 - 1 ))]} + $3) % 7 ))
}
# days_before Y M D N: sets by bm bd to the date N days (N < 28) earlier.
days_before() {
	by=$1 bm=$2 bd=$(( $3 - $4 ))
	while (( bd < 1 )); do
		bm=$(( bm - 1 ))
		if (( bm < 1 )); then
			bm=12
			by=$(( by - 1 ))
		fi
		days_in $bm $by
		bd=$(( bd + dim ))
	done
}

# ---- text pools -------------------------------------------------------------

countries=("Valdoria:Valdorian" "Astmark:Astmark" "Norlund:Norlundic" "Estravia:Estravian"
	"Carinthe:Carinthian" "Belmora:Belmoran" "Ostria:Ostrian" "Pellago:Pellagan"
	"Soravia:Soravian" "Tarrenland:Tarrenish" "Quessa:Quessan" "Morvane:Morvanian")
cities=("Port Ellery" "Kelmstad" "Arvenne" "Lisk" "New Halden" "Sorrento Bay" "Vell"
	"Dunmarra" "Castrel" "Oberlin Harbour" "Faro Alto" "Greywick")
topics=("Digital Trade" "the Internet Economy" "Energy Transition" "Maritime Safety"
	"Health Security" "Space Cooperation" "Agricultural Research" "Science and Technology"
	"Cybersecurity" "Critical Minerals" "Climate Adaptation" "Transport Connectivity")
levels=("Director General-Level" "Ministerial" "Vice-Ministerial" "Senior Officials'" "Working-Level")
leaders=("Deputy Minister Irena Masek" "State Secretary Henrik Solberg" "Ambassador Lucia Ferrant"
	"Director General Tomas Varga" "Under Secretary Amara Okafor" "Minister Jonas Lindqvist"
	"Deputy Director General Keiko Arakawa" "Special Envoy Paolo Renzi")
agencies=("the Ministry of Foreign Affairs" "the Ministry of Commerce" "the customs service"
	"the national standards body" "the data protection authority" "the Ministry of Health"
	"the space agency" "the Ministry of Energy" "the communications regulator"
	"the national cybersecurity centre" "the Ministry of Agriculture" "the coast guard")
headings=("Cross-border data flows" "Trade facilitation" "Cooperation in international fora"
	"Research and innovation" "Capacity building" "Standards and conformity assessment"
	"Security of networks and systems" "Clean energy deployment" "Resilient supply chains"
	"Emergency preparedness" "People-to-people exchanges" "Regulatory cooperation"
	"Protection of consumers online" "Skills and education" "Next steps")
paragraphs=(
	"Both sides reaffirmed that trusted flows of information across borders are essential to growth, and agreed to exchange information on their legal frameworks, including the mechanisms each uses to recognize the safeguards of the other."
	"The delegations welcomed the progress made by the joint working group since its establishment and asked it to report on its work at the next meeting of the Dialogue."
	"Participants exchanged views on the importance of open, transparent and inclusive processes for the development of international standards, and on the role of industry, academia and civil society in those processes."
	"The two governments recognized the need for strong partnerships between their agencies, including the sharing of best practices with each other and in regional and multilateral fora."
	"Both sides noted that small and medium-sized enterprises face particular difficulties in meeting the requirements of foreign markets, and agreed to publish joint guidance for exporters."
	"The delegations discussed ways to strengthen the resilience of critical infrastructure, including through exercises, exchanges of experts and the timely sharing of information on incidents."
	"Participants welcomed the signature of the memorandum of cooperation between the two research councils and looked forward to the first joint call for proposals."
	"The two sides shared views on the protection of personal data, the prevention of fraud and the promotion of digital literacy, and agreed to hold a joint workshop for the agencies concerned."
	"Both delegations underlined the importance of predictable, non-discriminatory and science-based regulation, and committed to consult each other early on new measures affecting bilateral trade."
	"The delegations took note of the recommendations of the business advisory council and agreed to consider them in the preparation of the work plan for the coming year."
	"Participants emphasized that cooperation should build on existing bilateral arrangements and avoid duplicating the work of international organizations."
	"The two governments agreed to coordinate their positions in the relevant international organizations and to support each other's initiatives where their objectives coincide."
)
bullets=(
	"Publishing a joint guide for small exporters on electronic trade documents"
	"Aligning the technical specifications of the two single-window systems"
	"Exchanging information on enforcement against deceptive online practices"
	"Holding a joint workshop for the agencies responsible for consumer protection"
	"Supporting exchanges of students and trainers in data science and cybersecurity"
	"Sharing best practices on the security of industrial control systems"
	"Establishing a contact point in each government for urgent incidents"
	"Conducting a joint study of the barriers faced by service suppliers"
	"Promoting the participation of women in science, technology and trade"
	"Cooperating on the measurement and reporting of emissions in ports"
	"Developing common training material for customs and border officials"
	"Exploring the mutual recognition of electronic signatures and certificates"
)
item_heads=("Cloud services" "Electronic invoicing" "Supply chain security" "Port infrastructure"
	"Joint research programmes" "Early warning systems" "Data for public health"
	"Renewable hydrogen" "Satellite navigation" "Digital identity")
closings=(
	"The next meeting of the Dialogue will be held in %s next year, on dates to be agreed through diplomatic channels."
	"Both sides expressed their appreciation for the constructive discussions and agreed to hold the next meeting of the Dialogue in %s."
	"The delegations agreed to review the implementation of this statement at the next meeting, to be held in %s."
)

# ---- one draft --------------------------------------------------------------

# para: appends a random paragraph, maybe with a date, to buf.
para() {
	pick paragraphs
	buf+="$p"
	rand 6
	if (( r == 0 )); then
		rand 28
		days_before $year $month $day $(( r + 30 ))
		buf+=" The group met for the first time on ${months[$(( bm - 1 ))]} $bd, $by."
	fi
	buf+=$'\n\n'
}

# bullet_list MARKER N INDENT: appends N bullets, the last one ending with '.'.
bullet_list() {
	local i
	forget
	for (( i = 0; i < $2; i++ )); do
		pick_new bullets
		buf+="$3$1 $p"
		if (( i == $2 - 1 )); then
			buf+=$'.\n'
		elif (( i == $2 - 2 )); then
			buf+=$'; and\n'
		else
			buf+=$';\n'
		fi
	done
	buf+=$'\n'
}

# draft N: writes draft number N.
draft() {
	local n=$1 fname a b an bn city topic level leader i j nsec nitems markdown
	local colon=":" bullet="-"
	local ext=txt

	pick countries; a=${p%%:*}; an=${p#*:}
	while :; do pick countries; b=${p%%:*}; bn=${p#*:}; [[ $b != "$a" ]] && break; done
	pick cities; city=$p
	pick topics; topic=$p
	pick levels; level=$p
	pick leaders; leader=$p
	rand 20; year=$(( 2005 + r ))
	rand 12; month=$(( r + 1 ))
	days_in $month $year
	rand $dim; day=$(( r + 1 ))
	rand 5; markdown=$(( r == 0 ))
	(( markdown )) && ext=md
	rand 8; (( r == 0 )) && bullet="•"
	rand 4; (( r == 0 )) && colon=""

	local date="${months[$(( month - 1 ))]} $day, $year"
	local title="Joint Statement on the $level Meeting of the $a-$b Dialogue on $topic"
	buf=""
	if (( markdown )); then
		buf+=$'---\n'"title: \"$title\""$'\n'"date: $year-$(printf '%02d-%02d' $month $day)"$'\n---\n\n'
		buf+="# $title"$'\n\n'
	else
		buf+="$title"$'\n\nOffice of the Spokesperson\n\n'
		rand 10
		if (( r == 0 )); then
			buf+="${months[$(( month - 1 ))]} ${day}th, $year"$'\n\n'
		else
			buf+="$date"$'\n\n'
		fi
	fi

	# The meeting: one to three days before the statement's date.
	rand 3
	days_before $year $month $day $(( r + 1 ))
	weekday_of $by $bm $bd
	rand 12
	(( r == 0 )) && wd=$(( (wd + 1) % 7 ))
	buf+="On ${weekdays[$wd]}, ${months[$(( bm - 1 ))]} $bd, $by, officials of $a and $b held the"
	buf+=" $level meeting of the $a-$b Dialogue on $topic in $city. The $an delegation was led"
	buf+=" by $leader, and the $bn delegation by its Ambassador. Representatives of"
	forget
	pick_new agencies; buf+=" $p,"
	pick_new agencies; buf+=" $p and"
	pick_new agencies; buf+=" $p of both countries took part in the discussions."$'\n\n'
	buf+=$'The two delegations reviewed progress since their last meeting and agreed on the following:\n\n'

	rand 6; nsec=$(( r + 2 ))
	local sec_heads=()
	forget
	for (( i = 1; i <= nsec; i++ )); do
		pick_new headings
		sec_heads+=("$p")
	done
	for (( i = 1; i <= nsec; i++ )); do
		p=${sec_heads[$(( i - 1 ))]}
		local c=":"
		(( i > 1 )) && c=$colon
		if (( markdown )); then
			buf+="## $i. $p$c"$'\n\n'
		else
			buf+="$i. $p$c"$'\n\n'
		fi
		rand 3
		for (( j = 0; j <= r; j++ )); do para; done
		rand 4
		if (( r == 0 )); then
			buf+=$'They also agreed on the following steps:\n\n'
			rand 4
			bullet_list "-" $(( r + 2 )) ""
		elif (( r == 1 )); then
			buf+=$'They identified the following areas of cooperation:\n\n'
			rand 4; nitems=$(( r + 2 ))
			local heads=()
			forget
			for (( j = 1; j <= nitems; j++ )); do
				pick_new item_heads
				heads+=("$p")
			done
			for (( j = 1; j <= nitems; j++ )); do
				buf+="($j) ${heads[$(( j - 1 ))]}:"$'\n\n'
				rand 3
				bullet_list "$bullet" $(( r + 1 )) ""
			done
		fi
	done
	pick cities
	pick closings
	local closing=$p
	pick cities
	# shellcheck disable=SC2059
	printf -v closing "$closing" "$p"
	buf+="$closing"$'\n'
	printf -v fname "%s/draft-%04d.%s" "$outdir" "$n" "$ext"
	printf "%s" "$buf" >"$fname"
}

mkdir -p "$outdir"
rm -f "$outdir"/draft-*.txt "$outdir"/draft-*.md
for (( k = 1; k <= count; k++ )); do
	draft $k
done
