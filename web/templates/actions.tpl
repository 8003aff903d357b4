{{%AUTOESCAPE context="HTML"}}
<h1>{{t_actions_title}}</h1>
<p>{{t_actions_intro}}</p>
<form method="get" action="{{P}}/actions" class="filters"><label>{{t_actions_status}} <select name="status">{{#STATUSES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/STATUSES}}</select></label> <button type="submit">{{t_actions_filter}}</button></form>
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#NONE}}<p>{{t_actions_none}}</p>{{/NONE}}
<div class="table-scroll"><table><thead><tr><th scope="col">{{t_actions_number}}</th><th scope="col">{{t_actions_meeting}}</th><th scope="col">{{t_actions_text}}</th><th scope="col">{{t_actions_owner}}</th><th scope="col">{{t_actions_status}}</th></tr></thead><tbody>
{{#ACTIONS}}<tr><td><a href="{{P}}/actions/{{AID}}">{{NUMBER}}</a></td><td><a href="{{P}}/meetings/{{MID}}">{{MLABEL_HTML:none}}</a></td><td{{#TEXT_FALLBACK}} lang="{{TEXT_LANG}}"{{/TEXT_FALLBACK}} dir="{{TEXT_DIR}}">{{TEXT_HTML:none}}</td><td{{#OWNER_FALLBACK}} lang="{{OWNER_LANG}}"{{/OWNER_FALLBACK}} dir="{{OWNER_DIR}}">{{OWNER_HTML:none}}</td><td class="status-{{STATUS}}">{{STATUS_LABEL}}</td></tr>{{/ACTIONS}}
</tbody></table></div>
