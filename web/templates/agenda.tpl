{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/meetings">{{t_nav_meetings}}</a> › <a href="{{P}}/meetings/{{MID}}">{{MLABEL}}</a></p>
<h1>{{t_proc_title}}</h1>
<div hidden data-floor-events="/api/v1/meetings/{{MID}}/speakers/events" data-floor-version="{{FLOOR_VERSION}}"></div><script src="/static/floor.js?v={{ASSET_V}}" defer></script>
<p>{{MDATE}} · <a href="{{P}}/meetings/{{MID}}/record">{{t_record_link}}</a> · <a href="{{P}}/actions">{{t_actions_title}}</a></p>
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#WARNINGS}}<section class="warnings" aria-labelledby="warnings-h"><h2 id="warnings-h">{{t_proc_warnings}}</h2>
<ul>{{#W}}<li>{{TEXT}}</li>{{/W}}</ul></section>{{/WARNINGS}}
{{#NO_ITEMS}}<p>{{t_proc_no_items}}</p>{{/NO_ITEMS}}
{{#ADD_ITEM}}<details class="staff-form"><summary>{{t_proc_add_item}}</summary>
<form method="post" action="{{P}}/meetings/{{MID}}/agenda"><input type="hidden" name="csrf" value="{{CSRF}}">
<label>{{t_proc_item_number}} <input type="text" name="number" required maxlength="10" size="5"></label>
<label>{{t_proc_item_title}} <input type="text" name="title" required maxlength="1000" size="60"></label>
<label>{{t_proc_item_documents}} <input type="text" name="documents" maxlength="1000" size="30"></label>
<label>{{t_proc_text_lang}} <select name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></label>
<button type="submit">{{t_proc_save}}</button></form></details>{{/ADD_ITEM}}
{{#SIGNATORIES}}<details class="staff-form"><summary>{{t_proc_signatories}}</summary>
<form method="post" action="{{P}}/meetings/{{MID}}/record" class="stack"><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="sig-doc">{{t_proc_record_symbol}}</label><input type="text" id="sig-doc" name="document" value="{{SIG_DOCUMENT}}" maxlength="100" dir="ltr">
<fieldset><legend>{{t_support_secretary_general}}</legend>
{{#SIG_LANGS}}<label for="sig-sg-{{CODE}}" lang="{{CODE}}">{{NAME}}</label><input type="text" id="sig-sg-{{CODE}}" name="secretary_general_{{CODE}}" value="{{SG}}" maxlength="200" lang="{{CODE}}" dir="auto">
{{/SIG_LANGS}}</fieldset>
<fieldset><legend>{{t_officers_chair}}</legend>
{{#SIG_LANGS}}<label for="sig-chair-{{CODE}}" lang="{{CODE}}">{{NAME}}</label><input type="text" id="sig-chair-{{CODE}}" name="chair_{{CODE}}" value="{{CHAIR}}" maxlength="200" lang="{{CODE}}" dir="auto">
{{/SIG_LANGS}}</fieldset>
<button type="submit">{{t_proc_save}}</button></form></details>{{/SIGNATORIES}}
{{#ITEMS}}<section class="agenda-item" id="item-{{NUMBER}}" aria-labelledby="item-h-{{NUMBER}}">
<h2 id="item-h-{{NUMBER}}"><span class="snum">{{NUMBER}}</span><span{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="auto">{{TITLE}}</span></h2>
{{#TITLE_FALLBACK}}<p class="note">{{TITLE_NOTE}}</p>{{/TITLE_FALLBACK}}
{{#HAS_DOCS}}<p>{{t_proc_documents}} {{#DOCS}}<a href="{{P}}/documents/{{DID}}"><bdi>{{SYMBOL}}</bdi></a>{{#DOCS_separator}}{{t_proc_list_separator}}{{/DOCS_separator}}{{/DOCS}}</p>{{/HAS_DOCS}}
{{#FLOOR}}<div class="floor" id="floor-{{IID}}">
<h3>{{t_proc_speakers}}{{#UNDER_DISCUSSION}} <span class="badge">{{t_proc_under_discussion}}</span>{{/UNDER_DISCUSSION}}</h3>
<p class="meta">{{SPEAKING_TIME}}</p>
{{#HAS_FLOOR}}<p class="has-floor"><strong><span dir="auto">{{FNAME}}</span></strong> <span class="meta">({{FCAPACITY}})</span> — {{t_speaker_status_floor}} · {{t_proc_floor_time_left}} <span class="clock{{#OVER}} over{{/OVER}}" dir="ltr" data-left="{{LEFT}}">{{CLOCK}}</span></p>{{/HAS_FLOOR}}
{{#NO_SPEAKERS}}<p class="meta">{{t_proc_no_speakers}}</p>{{/NO_SPEAKERS}}
<ol class="speakers">{{#SPEAKERS}}<li class="speaker-{{STATUS}}{{#MINE}} mine{{/MINE}}"><span dir="auto">{{NAME}}</span> <span class="meta">({{CAPACITY}}) — {{STATUS_LABEL}}</span>
{{#CAN_RUN}}<form method="post" action="{{P}}/speakers/{{SID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}">
{{#GIVE}}<button type="submit" name="op" value="floor">{{t_proc_give_floor}}</button> <button type="submit" name="op" value="up">{{t_proc_up}}</button> <button type="submit" name="op" value="down">{{t_proc_down}}</button> {{/GIVE}}<button type="submit" name="op" value="done">{{t_proc_done}}</button> <button type="submit" name="op" value="withdrawn">{{t_proc_withdraw}}</button></form>{{/CAN_RUN}}</li>{{/SPEAKERS}}</ol>
{{#DELEGATE}}<div class="my-floor">{{#WAITING}}<p class="my-place">{{PLACE}}</p>
<form method="post" action="{{P}}/speakers/{{OWN_SID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" name="op" value="withdrawn">{{t_proc_floor_withdraw}}</button></form>{{/WAITING}}
{{#ASK}}<form method="post" action="{{P}}/agenda-items/{{IID}}/speakers" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_proc_floor_request}}</button></form>{{/ASK}}</div>{{/DELEGATE}}
</div>{{/FLOOR}}
{{#DISCUSSION}}<form method="post" action="{{P}}/agenda-items/{{IID}}/discussion" class="speaker-add"><input type="hidden" name="csrf" value="{{CSRF}}">
<label>{{t_field_speaking_seconds}} <input type="number" name="speaking_seconds" value="{{SECONDS}}" min="{{MIN}}" max="{{MAX}}" step="1" required dir="ltr"></label>
{{#IDLE}}<button type="submit" name="op" value="start">{{t_proc_discussion_start}}</button>{{/IDLE}}
{{#ACTIVE}}<button type="submit" name="op" value="start">{{t_proc_discussion_save}}</button> <button type="submit" name="op" value="end" formnovalidate>{{t_proc_discussion_end}}</button>{{/ACTIVE}}</form>{{/DISCUSSION}}
{{#ADD_SPEAKER}}<form method="post" action="{{P}}/agenda-items/{{IID}}/speakers" class="speaker-add"><input type="hidden" name="csrf" value="{{CSRF}}">
<label>{{t_proc_speaker_name}} <input type="text" name="name" required maxlength="200"></label>
<label>{{t_proc_capacity}} <select name="capacity">{{#CAPS}}<option value="{{K}}">{{L}}</option>{{/CAPS}}</select></label>
<label>{{t_proc_member_state_code}} <input type="text" name="member_state" maxlength="2" size="3" pattern="[A-Za-z]{2}"></label>
<button type="submit">{{t_proc_request_floor}}</button></form>{{/ADD_SPEAKER}}
<h3>{{t_proc_record}}</h3>
{{#UNTRANSLATED_NOTE}}<p class="note untranslated-note">{{UNOTE}}</p>{{/UNTRANSLATED_NOTE}}
{{#PARAS}}<div class="para{{#DECISION}} decision{{/DECISION}}{{#UNTRANSLATED}} untranslated{{/UNTRANSLATED}}"><span class="pnum">{{NUM}}</span><div><p class="meta">{{WHO}}</p>
<p lang="{{TLANG}}" dir="{{TDIR}}">{{TEXT_HTML:none}}</p>
{{#EDIT}}<details class="staff-form"><summary>{{t_proc_edit_paragraph}}</summary>
<form method="post" action="{{P}}/interventions/{{IVID}}/edit"><input type="hidden" name="csrf" value="{{CSRF}}">
<label>{{t_proc_text_lang}} <select name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></label>
<label class="wide">{{t_proc_summary}} <textarea name="summary" rows="4" cols="60" dir="auto">{{ETEXT}}</textarea></label>
<label class="draft-box"><input type="checkbox" name="draft" value="1"{{#EDRAFT}} checked{{/EDRAFT}}> {{t_text_state_this_draft}}</label>
<button type="submit">{{t_proc_save}}</button></form>
<form method="post" action="{{P}}/interventions/{{IVID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_proc_delete_paragraph}}</button></form></details>{{/EDIT}}</div></div>{{/PARAS}}
{{#HAS_CANDIDATURES}}<h3>{{t_proc_candidatures}}</h3>
<div class="table-scroll"><table><thead><tr><th scope="col">{{t_proc_post}}</th><th scope="col">{{t_proc_candidate}}</th><th scope="col">{{t_proc_nominated_by}}</th><th scope="col">{{t_proc_election}}</th></tr></thead><tbody>
{{#CANDIDATURES}}<tr><td>{{POST}}</td><td dir="auto">{{CANDIDATE}}</td><td>{{COUNTRY}}</td><td><bdi>{{ELECTION}}</bdi></td></tr>{{/CANDIDATURES}}</tbody></table></div>{{/HAS_CANDIDATURES}}
{{#HAS_ACTIONS}}<h3>{{t_proc_actions}}</h3>
<ul>{{#ACTIONS}}<li><a href="{{P}}/actions/{{AID}}">{{NUMBER}}</a> <span{{#TEXT_FALLBACK}} lang="{{TEXT_LANG}}"{{/TEXT_FALLBACK}}>{{TEXT}}</span> <span class="meta">({{OWNER}}) — <span class="status-{{STATUS}}">{{STATUS_LABEL}}</span></span></li>{{/ACTIONS}}</ul>{{/HAS_ACTIONS}}
{{#RECORD_FORMS}}<details class="staff-form"><summary>{{t_proc_add_paragraph}}</summary>
<form method="post" action="{{P}}/agenda-items/{{IID}}/interventions"><input type="hidden" name="csrf" value="{{CSRF}}">
<label>{{t_proc_kind}} <select name="kind"><option value="intervention">{{t_proc_kind_intervention}}</option><option value="statement">{{t_proc_kind_statement}}</option></select></label>
<label>{{t_proc_capacity}} <select name="capacity">{{#CAPS}}<option value="{{K}}">{{L}}</option>{{/CAPS}}</select></label>
<label>{{t_proc_bureau}} <select name="bureau"><option value="">—</option>{{#BUREAUX}}<option value="{{K}}">{{L}}</option>{{/BUREAUX}}</select></label>
<label>{{t_proc_member_state_code}} <input type="text" name="member_state" maxlength="2" size="3" pattern="[A-Za-z]{2}"></label>
<label>{{t_proc_named_speaker}} <input type="text" name="speaker" maxlength="300"></label>
<label class="wide">{{t_proc_summary}} <textarea name="summary" rows="4" cols="60" required></textarea></label>
<label>{{t_proc_text_lang}} <select name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></label>
<button type="submit">{{t_proc_save}}</button></form></details>
<details class="staff-form"><summary>{{t_proc_add_decision}}</summary>
<form method="post" action="{{P}}/agenda-items/{{IID}}/decisions"><input type="hidden" name="csrf" value="{{CSRF}}">
<label>{{t_proc_kind}} <select name="kind">{{#KINDS}}<option value="{{K}}">{{L}}</option>{{/KINDS}}</select></label>
<label>{{t_proc_forwarded_to}} <select name="forwarded_to"><option value="">—</option>{{#RECIPIENTS}}<option value="{{K}}">{{L}}</option>{{/RECIPIENTS}}</select></label>
<label>{{t_proc_report_back}} <input type="text" name="report_back" maxlength="500"></label>
<label class="wide">{{t_proc_wording}} <textarea name="wording" rows="3" cols="60"></textarea></label>
<label>{{t_proc_text_lang}} <select name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></label>
<button type="submit">{{t_proc_save}}</button></form></details>
<details class="staff-form"><summary>{{t_proc_add_candidature}}</summary>
<form method="post" action="{{P}}/agenda-items/{{IID}}/candidatures"><input type="hidden" name="csrf" value="{{CSRF}}">
<label>{{t_proc_post}} <select name="post">{{#POSTS}}<option value="{{K}}">{{L}}</option>{{/POSTS}}</select></label>
<label>{{t_proc_candidate}} <input type="text" name="candidate" required maxlength="200" dir="auto"></label>
<label>{{t_proc_member_state_code}} <input type="text" name="member_state" required maxlength="2" size="3" pattern="[A-Za-z]{2}" dir="ltr"></label>
<label>{{t_proc_election}} <input type="text" name="election" maxlength="50" size="10" dir="ltr" placeholder="PP-22"></label>
<button type="submit">{{t_proc_save}}</button></form></details>
<details class="staff-form"><summary>{{t_proc_add_action}}</summary>
<form method="post" action="{{P}}/agenda-items/{{IID}}/actions"><input type="hidden" name="csrf" value="{{CSRF}}">
<label>{{t_actions_number}} <input type="text" name="number" required maxlength="20" size="8" dir="ltr" pattern="[A-Za-z0-9.]{1,20}"></label>
<label>{{t_actions_kind}} <select name="kind">{{#ACTION_KINDS}}<option value="{{K}}">{{L}}</option>{{/ACTION_KINDS}}</select></label>
<label>{{t_actions_owner}} <input type="text" name="owner" required maxlength="300" dir="auto"></label>
<label class="wide">{{t_actions_text}} <textarea name="text" rows="3" cols="60" required dir="auto"></textarea></label>
<label>{{t_actions_due}} <input type="text" name="due" maxlength="300" dir="auto"></label>
<label>{{t_proc_text_lang}} <select name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></label>
<button type="submit">{{t_proc_save}}</button></form></details>
<p><a href="{{P}}/agenda-items/{{IID}}/new-text">{{t_drafting_new_text}}</a></p>{{/RECORD_FORMS}}
</section>{{/ITEMS}}
