{{%AUTOESCAPE context="HTML"}}
<h1>{{t_consultations_title}}</h1>
{{#GROUP}}<section aria-labelledby="{{GID}}">
<h2 id="{{GID}}">{{HEADING}}</h2>
{{#NONE}}<p>{{t_home_none_open}}</p>{{/NONE}}
{{#TABLE}}<div class="table-scroll"><table>
<thead><tr><th scope="col">{{t_col_consultation}}</th><th scope="col">{{t_col_body}}</th><th scope="col">{{t_col_status}}</th><th scope="col">{{t_col_deadline}}</th></tr></thead>
<tbody>
{{#ITEMS}}<tr><td><a href="{{P}}/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></td><td><bdi class="sym">{{BODY}}</bdi></td><td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td><td>{{DEADLINE_HTML:none}}</td></tr>{{/ITEMS}}
</tbody>
</table></div>{{/TABLE}}
</section>{{/GROUP}}
