{{%AUTOESCAPE context="HTML"}}
<h1>{{t_nav_meetings}}</h1>
<div class="table-scroll"><table><thead><tr><th scope="col">{{t_col_meeting}}</th><th scope="col">{{t_col_body}}</th><th scope="col">{{t_col_date}}</th><th scope="col">{{t_field_mode}}</th></tr></thead>
<tbody>{{#MEETINGS}}<tr><td><a href="{{P}}/meetings/{{MID}}">{{MLABEL_HTML:none}}</a></td><td><bdi class="sym">{{BODY}}</bdi></td><td>{{MDATE}}</td><td>{{MMODE}}</td></tr>{{/MEETINGS}}</tbody></table></div>
