{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/meetings">{{t_nav_meetings}}</a> › <a href="{{P}}/meetings/{{MID}}">{{MLABEL_HTML:none}}</a></p>
<h1>{{t_proc_title}}</h1>
<div hidden data-floor-events="/api/v1/meetings/{{MID}}/speakers/events" data-floor-version="{{FLOOR_VERSION}}"></div><script src="/static/floor.js?v={{ASSET_V}}" defer></script>
<p>{{MDATE}} · <a href="{{P}}/meetings/{{MID}}/record">{{t_record_link}}</a> · <a href="{{P}}/actions">{{t_actions_title}}</a></p>
{{>FORM_ERRORS}}
{{#WARNINGS}}<section class="warnings" aria-labelledby="warnings-h"><h2 id="warnings-h">{{t_proc_warnings}}</h2>
<ul>{{#W}}<li>{{WARNING}}</li>{{/W}}</ul></section>{{/WARNINGS}}
{{#NO_ITEMS}}<p>{{t_proc_no_items}}</p>{{/NO_ITEMS}}
{{#ADD_ITEM}}<details class="staff-form"{{#OPEN_IT}} open{{/OPEN_IT}}><summary>{{t_proc_add_item}}</summary>
<form method="post" action="{{P}}/meetings/{{MID}}/agenda"><input type="hidden" name="csrf" value="{{CSRF}}">
<span><label for="it-number">{{t_proc_item_number}}</label>{{#E_it_number}}<p class="field-error" id="it-number-error">{{E_MSG}}</p>{{/E_it_number}}<input type="text" id="it-number" name="number" required maxlength="10" size="5" value="{{V_IT_NUMBER}}"{{#E_it_number}} aria-invalid="true" aria-describedby="it-number-error"{{/E_it_number}}></span>
<span><label for="it-title">{{t_proc_item_title}}</label>{{#E_it_title}}<p class="field-error" id="it-title-error">{{E_MSG}}</p>{{/E_it_title}}<input type="text" id="it-title" name="title" required maxlength="1000" size="60" value="{{V_IT_TITLE}}"{{#E_it_title}} aria-invalid="true" aria-describedby="it-title-error"{{/E_it_title}}></span>
<span><label for="it-documents">{{t_proc_item_documents}}</label>{{#E_it_documents}}<p class="field-error" id="it-documents-error">{{E_MSG}}</p>{{/E_it_documents}}<input type="text" id="it-documents" name="documents" maxlength="1000" size="30" value="{{V_IT_DOCUMENTS}}"{{#E_it_documents}} aria-invalid="true" aria-describedby="it-documents-error"{{/E_it_documents}}></span>
<label>{{t_proc_text_lang}} <select name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></label>
<button type="submit">{{t_proc_save}}</button></form></details>{{/ADD_ITEM}}
{{#SIGNATORIES}}<details class="staff-form"{{#OPEN_SIG}} open{{/OPEN_SIG}}><summary>{{t_proc_signatories}}</summary>
<form method="post" action="{{P}}/meetings/{{MID}}/record" class="stack"><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="sig-doc">{{t_proc_record_symbol}}</label>{{#E_sig_doc}}<p class="field-error" id="sig-doc-error">{{E_MSG}}</p>{{/E_sig_doc}}<input type="text" id="sig-doc" name="document" value="{{SIG_DOCUMENT}}" maxlength="100" dir="ltr"{{#E_sig_doc}} aria-invalid="true" aria-describedby="sig-doc-error"{{/E_sig_doc}}>
<fieldset><legend>{{t_support_secretary_general}}</legend>
{{#SIG_LANGS}}<label for="sig-sg-{{CODE}}" lang="{{CODE}}">{{NAME}}</label>{{#E_SG}}<p class="field-error" id="sig-sg-{{CODE}}-error">{{E_MSG}}</p>{{/E_SG}}<input type="text" id="sig-sg-{{CODE}}" name="secretary_general_{{CODE}}" value="{{SG}}" maxlength="200" lang="{{CODE}}" dir="auto"{{#E_SG}} aria-invalid="true" aria-describedby="sig-sg-{{CODE}}-error"{{/E_SG}}>
{{/SIG_LANGS}}</fieldset>
<fieldset><legend>{{t_officers_chair}}</legend>
{{#SIG_LANGS}}<label for="sig-chair-{{CODE}}" lang="{{CODE}}">{{NAME}}</label>{{#E_CHAIR}}<p class="field-error" id="sig-chair-{{CODE}}-error">{{E_MSG}}</p>{{/E_CHAIR}}<input type="text" id="sig-chair-{{CODE}}" name="chair_{{CODE}}" value="{{CHAIR}}" maxlength="200" lang="{{CODE}}" dir="auto"{{#E_CHAIR}} aria-invalid="true" aria-describedby="sig-chair-{{CODE}}-error"{{/E_CHAIR}}>
{{/SIG_LANGS}}</fieldset>
<button type="submit">{{t_proc_save}}</button></form></details>{{/SIGNATORIES}}
{{#ITEMS}}<section class="agenda-item" id="item-{{NUMBER}}" aria-labelledby="item-h-{{NUMBER}}">
<h2 id="item-h-{{NUMBER}}"><span class="snum">{{NUMBER}}</span><span{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</span></h2>
{{#TITLE_FALLBACK}}<p class="note">{{TITLE_NOTE}}</p>{{/TITLE_FALLBACK}}
{{#HAS_DOCS}}<p>{{t_proc_documents}} {{#DOCS}}<a href="{{P}}/documents/{{DID}}"><bdi class="sym">{{SYMBOL}}</bdi></a>{{#DOCS_separator}}{{t_proc_list_separator}}{{/DOCS_separator}}{{/DOCS}}</p>{{/HAS_DOCS}}
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
<span><label for="ds-{{IID}}-seconds">{{t_field_speaking_seconds}}</label>{{#E_ds_seconds}}<p class="field-error" id="ds-{{IID}}-seconds-error">{{E_MSG}}</p>{{/E_ds_seconds}}<input type="number" id="ds-{{IID}}-seconds" name="speaking_seconds" value="{{SECONDS}}" min="{{MIN}}" max="{{MAX}}" step="1" required dir="ltr"{{#E_ds_seconds}} aria-invalid="true" aria-describedby="ds-{{IID}}-seconds-error"{{/E_ds_seconds}}></span>
{{#IDLE}}<button type="submit" name="op" value="start">{{t_proc_discussion_start}}</button>{{/IDLE}}
{{#ACTIVE}}<button type="submit" name="op" value="start">{{t_proc_discussion_save}}</button> <button type="submit" name="op" value="end" formnovalidate>{{t_proc_discussion_end}}</button>{{/ACTIVE}}</form>{{/DISCUSSION}}
{{#ADD_SPEAKER}}<form method="post" action="{{P}}/agenda-items/{{IID}}/speakers" class="speaker-add"><input type="hidden" name="csrf" value="{{CSRF}}">
<span><label for="sp-{{IID}}-name">{{t_proc_speaker_name}}</label>{{#E_sp_name}}<p class="field-error" id="sp-{{IID}}-name-error">{{E_MSG}}</p>{{/E_sp_name}}<input type="text" id="sp-{{IID}}-name" name="name" required maxlength="200" dir="auto" value="{{V_SP_NAME}}"{{#E_sp_name}} aria-invalid="true" aria-describedby="sp-{{IID}}-name-error"{{/E_sp_name}}></span>
<span><label for="sp-{{IID}}-capacity">{{t_proc_capacity}}</label>{{#E_sp_capacity}}<p class="field-error" id="sp-{{IID}}-capacity-error">{{E_MSG}}</p>{{/E_sp_capacity}}<select id="sp-{{IID}}-capacity" name="capacity"{{#E_sp_capacity}} aria-invalid="true" aria-describedby="sp-{{IID}}-capacity-error"{{/E_sp_capacity}}>{{#CAPS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/CAPS}}</select></span>
<span><label for="sp-{{IID}}-ms">{{t_proc_member_state_code}}</label>{{#E_sp_ms}}<p class="field-error" id="sp-{{IID}}-ms-error">{{E_MSG}}</p>{{/E_sp_ms}}<input type="text" id="sp-{{IID}}-ms" name="member_state" maxlength="2" size="3" pattern="[A-Za-z]{2}" dir="ltr" value="{{V_SP_MS}}"{{#E_sp_ms}} aria-invalid="true" aria-describedby="sp-{{IID}}-ms-error"{{/E_sp_ms}}></span>
<button type="submit">{{t_proc_request_floor}}</button></form>{{/ADD_SPEAKER}}
<h3>{{t_proc_record}}</h3>
{{#UNTRANSLATED_NOTE}}<p class="note untranslated-note">{{UNOTE}}</p>{{/UNTRANSLATED_NOTE}}
{{#PARAS}}<div class="para{{#DECISION}} decision{{/DECISION}}{{#UNTRANSLATED}} untranslated{{/UNTRANSLATED}}"><span class="pnum">{{NUM}}</span><div><p class="meta">{{WHO}}</p>
<p lang="{{TLANG}}" dir="{{TDIR}}">{{TEXT_HTML:none}}</p>
{{#EDIT}}<details class="staff-form"{{#OPEN_IE}} open{{/OPEN_IE}}><summary>{{t_proc_edit_paragraph}}</summary>
<form method="post" action="{{P}}/interventions/{{IVID}}/edit"><input type="hidden" name="csrf" value="{{CSRF}}">
<span><label for="ie-{{IVID}}-lang">{{t_proc_text_lang}}</label>{{#E_ie_lang}}<p class="field-error" id="ie-{{IVID}}-lang-error">{{E_MSG}}</p>{{/E_ie_lang}}<select id="ie-{{IVID}}-lang" name="text_lang"{{#E_ie_lang}} aria-invalid="true" aria-describedby="ie-{{IVID}}-lang-error"{{/E_ie_lang}}>{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></span>
<span class="wide"><label for="ie-{{IVID}}-summary">{{t_proc_summary}}</label>{{#E_ie_summary}}<p class="field-error" id="ie-{{IVID}}-summary-error">{{E_MSG}}</p>{{/E_ie_summary}}<textarea id="ie-{{IVID}}-summary" name="summary" rows="4" cols="60" dir="auto"{{#E_ie_summary}} aria-invalid="true" aria-describedby="ie-{{IVID}}-summary-error"{{/E_ie_summary}}>{{ETEXT:pre_escape}}</textarea></span>
<label class="draft-box"><input type="checkbox" name="draft" value="1"{{#EDRAFT}} checked{{/EDRAFT}}> {{t_text_state_this_draft}}</label>
<button type="submit">{{t_proc_save}}</button></form>
<p><a href="{{P}}/admin/translations/intervention/{{IVID}}">{{t_texts_edit_six}}</a></p>
<form method="post" action="{{P}}/interventions/{{IVID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_proc_delete_paragraph}}</button></form></details>{{/EDIT}}</div></div>{{/PARAS}}
{{#HAS_CANDIDATURES}}<h3>{{t_proc_candidatures}}</h3>
<div class="table-scroll"><table><thead><tr><th scope="col">{{t_proc_post}}</th><th scope="col">{{t_proc_candidate}}</th><th scope="col">{{t_proc_nominated_by}}</th><th scope="col">{{t_proc_election}}</th></tr></thead><tbody>
{{#CANDIDATURES}}<tr><td>{{POST}}</td><td dir="auto">{{CANDIDATE}}</td><td>{{COUNTRY}}</td><td><bdi>{{ELECTION}}</bdi></td></tr>{{/CANDIDATURES}}</tbody></table></div>{{/HAS_CANDIDATURES}}
{{#HAS_ACTIONS}}<h3>{{t_proc_actions}}</h3>
<ul>{{#ACTIONS}}<li><a href="{{P}}/actions/{{AID}}">{{NUMBER}}</a> <span{{#TEXT_FALLBACK}} lang="{{TEXT_LANG}}"{{/TEXT_FALLBACK}} dir="{{TEXT_DIR}}">{{TEXT_HTML:none}}</span> <span class="meta">(<span{{#OWNER_FALLBACK}} lang="{{OWNER_LANG}}"{{/OWNER_FALLBACK}} dir="{{OWNER_DIR}}">{{OWNER_HTML:none}}</span>) — <span class="status-{{STATUS}}">{{STATUS_LABEL}}</span></span></li>{{/ACTIONS}}</ul>{{/HAS_ACTIONS}}
{{#RECORD_FORMS}}<details class="staff-form"{{#OPEN_IV}} open{{/OPEN_IV}}><summary>{{t_proc_add_paragraph}}</summary>
<form method="post" action="{{P}}/agenda-items/{{IID}}/interventions"><input type="hidden" name="csrf" value="{{CSRF}}">
<span><label for="iv-{{IID}}-kind">{{t_proc_kind}}</label>{{#E_iv_kind}}<p class="field-error" id="iv-{{IID}}-kind-error">{{E_MSG}}</p>{{/E_iv_kind}}<select id="iv-{{IID}}-kind" name="kind"{{#E_iv_kind}} aria-invalid="true" aria-describedby="iv-{{IID}}-kind-error"{{/E_iv_kind}}><option value="intervention">{{t_proc_kind_intervention}}</option><option value="statement">{{t_proc_kind_statement}}</option></select></span>
<span><label for="iv-{{IID}}-capacity">{{t_proc_capacity}}</label>{{#E_iv_capacity}}<p class="field-error" id="iv-{{IID}}-capacity-error">{{E_MSG}}</p>{{/E_iv_capacity}}<select id="iv-{{IID}}-capacity" name="capacity"{{#E_iv_capacity}} aria-invalid="true" aria-describedby="iv-{{IID}}-capacity-error"{{/E_iv_capacity}}>{{#CAPS}}<option value="{{K}}">{{L}}</option>{{/CAPS}}</select></span>
<span><label for="iv-{{IID}}-bureau">{{t_proc_bureau}}</label>{{#E_iv_bureau}}<p class="field-error" id="iv-{{IID}}-bureau-error">{{E_MSG}}</p>{{/E_iv_bureau}}<select id="iv-{{IID}}-bureau" name="bureau"{{#E_iv_bureau}} aria-invalid="true" aria-describedby="iv-{{IID}}-bureau-error"{{/E_iv_bureau}}><option value="">—</option>{{#BUREAUX}}<option value="{{K}}">{{L}}</option>{{/BUREAUX}}</select></span>
<span><label for="iv-{{IID}}-ms">{{t_proc_member_state_code}}</label>{{#E_iv_ms}}<p class="field-error" id="iv-{{IID}}-ms-error">{{E_MSG}}</p>{{/E_iv_ms}}<input type="text" id="iv-{{IID}}-ms" name="member_state" maxlength="2" size="3" pattern="[A-Za-z]{2}" value="{{V_IV_MS}}"{{#E_iv_ms}} aria-invalid="true" aria-describedby="iv-{{IID}}-ms-error"{{/E_iv_ms}}></span>
<span><label for="iv-{{IID}}-speaker">{{t_proc_named_speaker}}</label>{{#E_iv_speaker}}<p class="field-error" id="iv-{{IID}}-speaker-error">{{E_MSG}}</p>{{/E_iv_speaker}}<input type="text" id="iv-{{IID}}-speaker" name="speaker" maxlength="300" value="{{V_IV_SPEAKER}}"{{#E_iv_speaker}} aria-invalid="true" aria-describedby="iv-{{IID}}-speaker-error"{{/E_iv_speaker}}></span>
<span class="wide"><label for="iv-{{IID}}-summary">{{t_proc_summary}}</label>{{#E_iv_summary}}<p class="field-error" id="iv-{{IID}}-summary-error">{{E_MSG}}</p>{{/E_iv_summary}}<textarea id="iv-{{IID}}-summary" name="summary" rows="4" cols="60" required{{#E_iv_summary}} aria-invalid="true" aria-describedby="iv-{{IID}}-summary-error"{{/E_iv_summary}}>{{V_IV_SUMMARY:pre_escape}}</textarea></span>
<label>{{t_proc_text_lang}} <select name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></label>
<button type="submit">{{t_proc_save}}</button></form></details>
<details class="staff-form"{{#OPEN_DE}} open{{/OPEN_DE}}><summary>{{t_proc_add_decision}}</summary>
<form method="post" action="{{P}}/agenda-items/{{IID}}/decisions"><input type="hidden" name="csrf" value="{{CSRF}}">
<span><label for="de-{{IID}}-kind">{{t_proc_kind}}</label>{{#E_de_kind}}<p class="field-error" id="de-{{IID}}-kind-error">{{E_MSG}}</p>{{/E_de_kind}}<select id="de-{{IID}}-kind" name="kind"{{#E_de_kind}} aria-invalid="true" aria-describedby="de-{{IID}}-kind-error"{{/E_de_kind}}>{{#KINDS}}<option value="{{K}}">{{L}}</option>{{/KINDS}}</select></span>
<span><label for="de-{{IID}}-forwarded">{{t_proc_forwarded_to}}</label>{{#E_de_forwarded}}<p class="field-error" id="de-{{IID}}-forwarded-error">{{E_MSG}}</p>{{/E_de_forwarded}}<select id="de-{{IID}}-forwarded" name="forwarded_to"{{#E_de_forwarded}} aria-invalid="true" aria-describedby="de-{{IID}}-forwarded-error"{{/E_de_forwarded}}><option value="">—</option>{{#RECIPIENTS}}<option value="{{K}}">{{L}}</option>{{/RECIPIENTS}}</select></span>
<span><label for="de-{{IID}}-report">{{t_proc_report_back}}</label>{{#E_de_report}}<p class="field-error" id="de-{{IID}}-report-error">{{E_MSG}}</p>{{/E_de_report}}<input type="text" id="de-{{IID}}-report" name="report_back" maxlength="500" value="{{V_DE_REPORT}}"{{#E_de_report}} aria-invalid="true" aria-describedby="de-{{IID}}-report-error"{{/E_de_report}}></span>
<span class="wide"><label for="de-{{IID}}-wording">{{t_proc_wording}}</label>{{#E_de_wording}}<p class="field-error" id="de-{{IID}}-wording-error">{{E_MSG}}</p>{{/E_de_wording}}<textarea id="de-{{IID}}-wording" name="wording" rows="3" cols="60"{{#E_de_wording}} aria-invalid="true" aria-describedby="de-{{IID}}-wording-error"{{/E_de_wording}}>{{V_DE_WORDING:pre_escape}}</textarea></span>
<label>{{t_proc_text_lang}} <select name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></label>
<button type="submit">{{t_proc_save}}</button></form></details>
<details class="staff-form"{{#OPEN_CD}} open{{/OPEN_CD}}><summary>{{t_proc_add_candidature}}</summary>
<form method="post" action="{{P}}/agenda-items/{{IID}}/candidatures"><input type="hidden" name="csrf" value="{{CSRF}}">
<span><label for="cd-{{IID}}-post">{{t_proc_post}}</label>{{#E_cd_post}}<p class="field-error" id="cd-{{IID}}-post-error">{{E_MSG}}</p>{{/E_cd_post}}<select id="cd-{{IID}}-post" name="post"{{#E_cd_post}} aria-invalid="true" aria-describedby="cd-{{IID}}-post-error"{{/E_cd_post}}>{{#POSTS}}<option value="{{K}}">{{L}}</option>{{/POSTS}}</select></span>
<span><label for="cd-{{IID}}-candidate">{{t_proc_candidate}}</label>{{#E_cd_candidate}}<p class="field-error" id="cd-{{IID}}-candidate-error">{{E_MSG}}</p>{{/E_cd_candidate}}<input type="text" id="cd-{{IID}}-candidate" name="candidate" required maxlength="200" dir="auto" value="{{V_CD_CANDIDATE}}"{{#E_cd_candidate}} aria-invalid="true" aria-describedby="cd-{{IID}}-candidate-error"{{/E_cd_candidate}}></span>
<span><label for="cd-{{IID}}-ms">{{t_proc_member_state_code}}</label>{{#E_cd_ms}}<p class="field-error" id="cd-{{IID}}-ms-error">{{E_MSG}}</p>{{/E_cd_ms}}<input type="text" id="cd-{{IID}}-ms" name="member_state" required maxlength="2" size="3" pattern="[A-Za-z]{2}" dir="ltr" value="{{V_CD_MS}}"{{#E_cd_ms}} aria-invalid="true" aria-describedby="cd-{{IID}}-ms-error"{{/E_cd_ms}}></span>
<span><label for="cd-{{IID}}-election">{{t_proc_election}}</label>{{#E_cd_election}}<p class="field-error" id="cd-{{IID}}-election-error">{{E_MSG}}</p>{{/E_cd_election}}<input type="text" id="cd-{{IID}}-election" name="election" maxlength="50" size="10" dir="ltr" placeholder="PP-22" value="{{V_CD_ELECTION}}"{{#E_cd_election}} aria-invalid="true" aria-describedby="cd-{{IID}}-election-error"{{/E_cd_election}}></span>
<button type="submit">{{t_proc_save}}</button></form></details>
<details class="staff-form"{{#OPEN_AC}} open{{/OPEN_AC}}><summary>{{t_proc_add_action}}</summary>
<form method="post" action="{{P}}/agenda-items/{{IID}}/actions"><input type="hidden" name="csrf" value="{{CSRF}}">
<span><label for="ac-{{IID}}-number">{{t_actions_number}}</label>{{#E_ac_number}}<p class="field-error" id="ac-{{IID}}-number-error">{{E_MSG}}</p>{{/E_ac_number}}<input type="text" id="ac-{{IID}}-number" name="number" required maxlength="20" size="8" dir="ltr" pattern="[A-Za-z0-9.]{1,20}" value="{{V_AC_NUMBER}}"{{#E_ac_number}} aria-invalid="true" aria-describedby="ac-{{IID}}-number-error"{{/E_ac_number}}></span>
<span><label for="ac-{{IID}}-kind">{{t_actions_kind}}</label>{{#E_ac_kind}}<p class="field-error" id="ac-{{IID}}-kind-error">{{E_MSG}}</p>{{/E_ac_kind}}<select id="ac-{{IID}}-kind" name="kind"{{#E_ac_kind}} aria-invalid="true" aria-describedby="ac-{{IID}}-kind-error"{{/E_ac_kind}}>{{#ACTION_KINDS}}<option value="{{K}}">{{L}}</option>{{/ACTION_KINDS}}</select></span>
<span><label for="ac-{{IID}}-owner">{{t_actions_owner}}</label>{{#E_ac_owner}}<p class="field-error" id="ac-{{IID}}-owner-error">{{E_MSG}}</p>{{/E_ac_owner}}<input type="text" id="ac-{{IID}}-owner" name="owner" required maxlength="300" dir="auto" value="{{V_AC_OWNER}}"{{#E_ac_owner}} aria-invalid="true" aria-describedby="ac-{{IID}}-owner-error"{{/E_ac_owner}}></span>
<span class="wide"><label for="ac-{{IID}}-text">{{t_actions_text}}</label>{{#E_ac_text}}<p class="field-error" id="ac-{{IID}}-text-error">{{E_MSG}}</p>{{/E_ac_text}}<textarea id="ac-{{IID}}-text" name="text" rows="3" cols="60" required dir="auto"{{#E_ac_text}} aria-invalid="true" aria-describedby="ac-{{IID}}-text-error"{{/E_ac_text}}>{{V_AC_TEXT:pre_escape}}</textarea></span>
<span><label for="ac-{{IID}}-due">{{t_actions_due}}</label>{{#E_ac_due}}<p class="field-error" id="ac-{{IID}}-due-error">{{E_MSG}}</p>{{/E_ac_due}}<input type="text" id="ac-{{IID}}-due" name="due" maxlength="300" dir="auto" value="{{V_AC_DUE}}"{{#E_ac_due}} aria-invalid="true" aria-describedby="ac-{{IID}}-due-error"{{/E_ac_due}}></span>
<label>{{t_proc_text_lang}} <select name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select></label>
<button type="submit">{{t_proc_save}}</button></form></details>
<p><a href="{{P}}/agenda-items/{{IID}}/new-text">{{t_drafting_new_text}}</a></p>{{/RECORD_FORMS}}
</section>{{/ITEMS}}
