{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/bodies/{{BODY_KEY}}"><bdi class="sym">{{BODY_ACRONYM}}</bdi></a> › <a href="{{P}}/meetings">{{t_nav_meetings}}</a></p>
<h1>{{MLABEL_HTML:none}}</h1>
{{>FOLLOW_BUTTON}}
{{#HAS_AGENDA}}<p><a href="{{P}}/meetings/{{MID}}/agenda">{{t_meeting_agenda_link}}</a> · <a href="{{P}}/meetings/{{MID}}/record">{{t_record_link}}</a></p>{{/HAS_AGENDA}}
<dl class="facts">
<dt>{{t_col_date}}</dt><dd>{{MDATE}}{{#HAS_TIME}}{{t_punct_comma}}{{STARTS_AT}} ({{TIMEZONE_HTML:none}}){{/HAS_TIME}}</dd>
<dt>{{t_field_mode}}</dt><dd>{{MMODE}}</dd>
{{#HAS_PLACE}}<dt>{{t_field_place}}</dt><dd{{#PLACE_FALLBACK}} lang="{{PLACE_LANG}}"{{/PLACE_FALLBACK}} dir="{{PLACE_DIR}}">{{PLACE_HTML:none}}</dd>{{/HAS_PLACE}}
{{#OCM}}<dt>{{t_registered}}</dt><dd>{{REGISTERED}}</dd><dt>{{t_attended}}</dt><dd>{{ATTENDED}}</dd>{{/OCM}}
</dl>
{{#HAS_CONTRIBUTIONS}}<h2>{{CONTRIBUTIONS_LABEL}}</h2>
<div class="table-scroll"><table><thead><tr><th scope="col">{{t_col_symbol}}</th><th scope="col">{{t_field_title}}</th><th scope="col">{{t_col_source}}</th></tr></thead><tbody>
{{#CONTRIBUTIONS}}<tr><td><bdi class="sym">{{SYMBOL}}</bdi></td><td{{#CTITLE_FALLBACK}} lang="{{CTITLE_LANG}}"{{/CTITLE_FALLBACK}} dir="{{CTITLE_DIR}}">{{CTITLE_HTML:none}}</td><td{{#SOURCE_FALLBACK}} lang="{{SOURCE_LANG}}"{{/SOURCE_FALLBACK}} dir="{{SOURCE_DIR}}">{{SOURCE_HTML:none}}</td></tr>{{/CONTRIBUTIONS}}
</tbody></table></div>{{/HAS_CONTRIBUTIONS}}
{{#HAS_ACTIONS}}<h2>{{t_actions_approved}}</h2>
<ol class="actions-list">{{#ACTIONS}}<li><strong>{{NUMBER}}</strong> <span{{#TEXT_FALLBACK}} lang="{{TEXT_LANG}}"{{/TEXT_FALLBACK}} dir="{{TEXT_DIR}}">{{TEXT_HTML:none}}</span> <span class="meta">(<span{{#OWNER_FALLBACK}} lang="{{OWNER_LANG}}"{{/OWNER_FALLBACK}} dir="{{OWNER_DIR}}">{{OWNER_HTML:none}}</span>){{#CONSULTATION}} · <a href="{{P}}/consultations/{{CKEY}}">{{t_col_consultation}}</a>{{/CONSULTATION}}</span></li>{{/ACTIONS}}</ol>{{/HAS_ACTIONS}}
{{#CONSULTATIONS}}<p><a href="{{P}}/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a> — {{RELATION}}</p>{{/CONSULTATIONS}}
